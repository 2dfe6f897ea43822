/// <reference lib="dom" />
// Builds the sidebar's DOM from data with createElement and text nodes only, so whatever a lead holds
// (`<img src=x onerror=…>` included) shows as text and never runs. Behaviour lives in the callers.

import {
  type HistoryEntry,
  type LeadCard,
  type LeadSummary,
  METHOD_KEYS,
  REASON_KEYS,
  RESULT_KEYS,
} from '../src/method/followUp/followUpContract';
import { type Language, LANGUAGES, htmlLang } from '../src/sheet/language';
import { CONVERSION_RESULT, FOLLOW_UP_METHOD, LOSS_REASON, STATUS } from '../src/sheet/options';
import { APP } from '../src/sheet/text/app';
import { t } from '../src/sheet/text/entry';
import { SIDEBAR } from '../src/sheet/text/sidebar';
import { formatTime, historyNewestFirst } from './format';
import {
  fieldLabel,
  followUpByLabel,
  keyFollowUpLabel,
  leadColumnLabel,
  optionLabel,
  sheetValueIn,
} from './i18n';
import { errorElementId } from './problems';

/** What every view needs to word and time things. */
export interface SidebarContext {
  readonly language: Language;
  readonly timeZone: string;
}

export type Child = Node | string | null | undefined | false;
type Attributes = Readonly<Record<string, string | true | undefined>>;

/** An element with attributes (true = present, undefined = absent) and children (strings as text). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Empties `parent` and fills it with `children`. */
export function replaceContent(parent: Node, children: readonly Child[]): void {
  parent.textContent = '';
  append(parent, children);
}

const joinParts = (parts: readonly string[]) => parts.filter((p) => p.trim() !== '').join(' · ');

/** A coloured grade badge; the colour repeats what the text says, for those who cannot see it. */
export function gradeBadge(grade: string, language: Language): HTMLElement {
  const letter = grade.trim().toUpperCase();
  const known = /^[ABCD]$/.test(letter);
  return h(
    'span',
    { class: `grade grade-${known ? letter.toLowerCase() : 'none'}` },
    h(
      'span',
      { class: 'visually-hidden' },
      known ? t(language, SIDEBAR.gradeBadge, letter) : t(language, SIDEBAR.notGraded),
    ),
    h('span', { 'aria-hidden': 'true' }, known ? letter : '–'),
  );
}

export interface SearchView {
  readonly root: HTMLElement;
  readonly input: HTMLInputElement;
  readonly status: HTMLElement;
  readonly results: HTMLUListElement;
}

export function renderSearchView(language: Language): SearchView {
  const input = h('input', {
    id: 'search',
    type: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: t(language, SIDEBAR.searchPlaceholder),
    'aria-describedby': 'search-hint',
    'aria-controls': 'results',
  });
  const status = h('p', { id: 'search-status', class: 'hint', role: 'status' });
  const results = h('ul', {
    id: 'results',
    class: 'results',
    'aria-label': t(language, SIDEBAR.resultsLabel),
  });
  const root = h(
    'div',
    { id: 'search-view', class: 'view' },
    h('label', { for: 'search', class: 'label' }, t(language, SIDEBAR.searchLabel)),
    input,
    h('p', { id: 'search-hint', class: 'hint' }, t(language, SIDEBAR.searchHint)),
    status,
    results,
  );
  return { root, input, status, results };
}

/** One button per lead, carrying its ID in `data-lead-id`. */
export function renderResults(
  list: HTMLUListElement,
  leads: readonly LeadSummary[],
  language: Language,
): void {
  replaceContent(
    list,
    leads.map((lead) =>
      h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: 'result', 'data-lead-id': lead.id },
          h(
            'span',
            { class: 'result-title' },
            gradeBadge(lead.grade, language),
            h('span', { class: 'result-name' }, lead.company || lead.contact || lead.id),
          ),
          h('span', { class: 'result-detail' }, joinParts([lead.contact, lead.phone])),
          h(
            'span',
            { class: 'result-detail' },
            joinParts([lead.id, sheetValueIn(STATUS, lead.status, language), lead.owner]),
          ),
        ),
      ),
    ),
  );
}

export interface CardView {
  readonly root: HTMLElement;
  readonly back: HTMLButtonElement;
  readonly summary: HTMLElement;
  /** Where the follow-up form goes: after the facts, before the history it adds to. */
  readonly formSlot: HTMLElement;
  readonly history: HTMLOListElement;
}

/** The card; its back button says where it goes (the search, unless told). */
export function renderCardView(language: Language, backLabel?: string): CardView {
  const back = h('button', { id: 'back', type: 'button', class: 'link-button' });
  append(back, [
    h('span', { 'aria-hidden': 'true' }, '← '),
    backLabel ?? t(language, SIDEBAR.back),
  ]);
  const summary = h('div', { class: 'card-summary' });
  const formSlot = h('div', { class: 'form-slot' });
  const history = h('ol', { id: 'history', class: 'history', 'aria-labelledby': 'history-title' });
  const card = h(
    'section',
    { id: 'card', 'aria-labelledby': 'card-title' },
    summary,
    formSlot,
    h('h3', { id: 'history-title' }, t(language, SIDEBAR.historyTitle)),
    history,
  );
  const root = h('div', { id: 'card-view', class: 'view' }, back, card);
  return { root, back, summary, formSlot, history };
}

/** The lead's identity, score and deadlines; `#card-title` takes focus when a lead opens. */
export function renderCardSummary(
  summary: HTMLElement,
  card: LeadCard,
  context: SidebarContext,
): void {
  const { language, timeZone } = context;
  const label = (key: Parameters<typeof leadColumnLabel>[0]) => leadColumnLabel(key, language);
  const orNotSet = (text: string) => (text.trim() === '' ? t(language, SIDEBAR.notSet) : text);
  const status =
    optionLabel(STATUS, card.statusKey, language) ?? sheetValueIn(STATUS, card.status, language);
  replaceContent(summary, [
    h(
      'header',
      { class: 'card-header' },
      gradeBadge(card.grade, language),
      h(
        'div',
        { class: 'card-identity' },
        h('h2', { id: 'card-title', tabindex: '-1' }, card.company || card.contact || card.id),
        h('p', { class: 'card-sub' }, joinParts([card.contact, card.phone])),
        h('p', { class: 'card-sub' }, joinParts([card.id, card.source])),
      ),
    ),
    card.need.trim() !== '' &&
      h('p', { class: 'need' }, t(language, APP.labelled, label('need'), card.need)),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, label('score')),
      h(
        'dd',
        {},
        card.score === null
          ? t(language, SIDEBAR.notScored)
          : t(language, SIDEBAR.scoreOutOf, card.score),
        card.scoreNote.trim() !== '' && h('span', { class: 'breakdown' }, card.scoreNote),
      ),
      h('dt', {}, label('owner')),
      h('dd', {}, card.owner.trim() === '' ? t(language, SIDEBAR.nobody) : card.owner),
      h('dt', {}, label('status')),
      h('dd', {}, orNotSet(status)),
      h('dt', {}, label('firstContactDue')),
      firstContactFact(card, context),
      h('dt', {}, label('nextFollowUpDue')),
      h('dd', {}, orNotSet(formatTime(card.nextFollowUpDue, timeZone))),
    ),
  ]);
}

function firstContactFact(card: LeadCard, { language, timeZone }: SidebarContext): HTMLElement {
  if (card.firstContactDue === null) return h('dd', {}, t(language, SIDEBAR.noDeadline));
  const due = formatTime(card.firstContactDue, timeZone);
  const contactedAt = formatTime(card.firstContactAt, timeZone);
  const [state, className] =
    card.firstContactMet === true
      ? [t(language, SIDEBAR.firstContactMet), 'deadline-met']
      : card.firstContactMet === false
        ? [t(language, SIDEBAR.firstContactMissed), 'deadline-missed']
        : [t(language, SIDEBAR.firstContactWaiting), 'deadline-open'];
  return h(
    'dd',
    {},
    due,
    ' · ',
    h('span', { class: className }, state),
    contactedAt !== '' && ` (${contactedAt})`,
  );
}

/** The follow-ups, newest first: time, method and who, then what was said and what comes next. */
export function renderHistory(
  list: HTMLOListElement,
  entries: readonly HistoryEntry[],
  context: SidebarContext,
): void {
  const { language, timeZone } = context;
  if (entries.length === 0) {
    replaceContent(list, [h('li', { class: 'empty' }, t(language, SIDEBAR.noHistory))]);
    return;
  }
  replaceContent(
    list,
    historyNewestFirst(entries).map((entry) => {
      const said: readonly (readonly [string, string])[] = [
        ['content', entry.content],
        ['feedback', entry.feedback],
        ['nextAction', entry.nextAction],
        ['nextFollowUp', formatTime(entry.nextFollowUp, timeZone)],
      ];
      const details = h('dl', { class: 'entry-details' });
      append(
        details,
        said
          .filter(([, text]) => text.trim() !== '')
          .flatMap(([field, text]) => [
            h('dt', {}, fieldLabel(field, language)),
            h('dd', {}, text),
          ]),
      );
      return h(
        'li',
        { class: 'entry' },
        h(
          'p',
          { class: 'entry-head' },
          h('time', { datetime: entry.time ?? undefined }, formatTime(entry.time, timeZone)),
          ` · ${joinParts([
            sheetValueIn(FOLLOW_UP_METHOD, entry.method, language),
            entry.by.trim() === ''
              ? ''
              : t(language, APP.labelled, followUpByLabel(language), entry.by),
          ])}`,
        ),
        details,
      );
    }),
  );
}

/** The follow-up form's controls, by the ids the page and the tests know them by. */
export interface FollowUpFormView {
  readonly form: HTMLFormElement;
  readonly method: HTMLSelectElement;
  readonly time: HTMLInputElement;
  readonly content: HTMLTextAreaElement;
  readonly feedback: HTMLTextAreaElement;
  readonly nextAction: HTMLTextAreaElement;
  readonly nextFollowUp: HTMLInputElement;
  readonly keyFollowUp: HTMLInputElement;
  readonly result: HTMLSelectElement;
  readonly amount: HTMLInputElement;
  readonly keyFactors: HTMLTextAreaElement;
  readonly reason: HTMLSelectElement;
  readonly reasonOther: HTMLInputElement;
  readonly summary: HTMLTextAreaElement;
  /** Wrappers shown only for some results (see outcomeFieldsShown). */
  readonly groups: {
    readonly amount: HTMLElement;
    readonly keyFactors: HTMLElement;
    readonly reason: HTMLElement;
    readonly reasonOther: HTMLElement;
    readonly summary: HTMLElement;
  };
  readonly formError: HTMLElement;
  readonly save: HTMLButtonElement;
  readonly saveLabel: HTMLElement;
}

export function renderFollowUpForm(language: Language): FollowUpFormView {
  const labelFor = (id: string, field: string, required = false) =>
    h(
      'label',
      { for: id, class: 'label' },
      fieldLabel(field, language),
      required && h('span', { class: 'required' }, ` ${t(language, SIDEBAR.required)}`),
    );
  const errorFor = (field: string) =>
    h('p', { id: errorElementId(field), class: 'field-error', role: 'alert' });
  const describedBy = (field: string) => ({ 'aria-describedby': errorElementId(field) });
  const field = (...children: Child[]) => h('div', { class: 'field' }, ...children);

  const method = h('select', { id: 'method', name: 'method', ...describedBy('method') });
  append(
    method,
    METHOD_KEYS.map((key) =>
      h('option', { value: key }, optionLabel(FOLLOW_UP_METHOD, key, language) ?? key),
    ),
  );
  const time = h('input', {
    id: 'time',
    name: 'time',
    type: 'datetime-local',
    ...describedBy('time'),
  });
  const content = h('textarea', {
    id: 'content',
    name: 'content',
    rows: '3',
    required: true,
    placeholder: t(language, SIDEBAR.contentPlaceholder),
    ...describedBy('content'),
  });
  const feedback = h('textarea', {
    id: 'feedback',
    name: 'feedback',
    rows: '2',
    placeholder: t(language, SIDEBAR.feedbackPlaceholder),
    ...describedBy('feedback'),
  });
  const nextAction = h('textarea', {
    id: 'nextAction',
    name: 'nextAction',
    rows: '2',
    placeholder: t(language, SIDEBAR.nextActionPlaceholder),
    ...describedBy('nextAction'),
  });
  const nextFollowUp = h('input', {
    id: 'nextFollowUp',
    name: 'nextFollowUp',
    type: 'date',
    ...describedBy('nextFollowUp'),
  });
  const keyFollowUp = h('input', {
    id: 'keyFollowUp',
    name: 'keyFollowUp',
    type: 'checkbox',
    ...describedBy('keyFollowUp'),
  });

  const result = h('select', { id: 'result', name: 'result', ...describedBy('outcome.result') });
  append(result, [
    h('option', { value: '' }, t(language, SIDEBAR.noResult)),
    ...RESULT_KEYS.map((key) =>
      h('option', { value: key }, optionLabel(CONVERSION_RESULT, key, language) ?? key),
    ),
  ]);
  const amount = h('input', {
    id: 'amount',
    name: 'amount',
    type: 'number',
    min: '0',
    step: 'any',
    inputmode: 'decimal',
    required: true,
    ...describedBy('outcome.amount'),
  });
  const keyFactors = h('textarea', {
    id: 'keyFactors',
    name: 'keyFactors',
    rows: '2',
    required: true,
    ...describedBy('outcome.keyFactors'),
  });
  const reason = h('select', {
    id: 'reason',
    name: 'reason',
    required: true,
    ...describedBy('outcome.reason'),
  });
  append(reason, [
    h('option', { value: '' }, t(language, SIDEBAR.chooseReason)),
    ...REASON_KEYS.map((key) =>
      h('option', { value: key }, optionLabel(LOSS_REASON, key, language) ?? key),
    ),
  ]);
  const reasonOther = h('input', {
    id: 'reasonOther',
    name: 'reasonOther',
    type: 'text',
    placeholder: t(language, SIDEBAR.reasonOtherPlaceholder),
    ...describedBy('outcome.reason'),
  });
  const summary = h('textarea', {
    id: 'summary',
    name: 'summary',
    rows: '2',
    ...describedBy('outcome.summary'),
  });

  const reasonOtherGroup = h(
    'div',
    { class: 'field', hidden: true },
    h('label', { for: 'reasonOther', class: 'label' }, t(language, SIDEBAR.reasonOther)),
    reasonOther,
  );
  const groups = {
    amount: h(
      'div',
      { class: 'field', hidden: true },
      labelFor('amount', 'outcome.amount', true),
      amount,
      errorFor('outcome.amount'),
    ),
    keyFactors: h(
      'div',
      { class: 'field', hidden: true },
      labelFor('keyFactors', 'outcome.keyFactors', true),
      keyFactors,
      errorFor('outcome.keyFactors'),
    ),
    // The reason's message sits after the "other" box, so it is beside whichever of the two is wrong.
    reason: h(
      'div',
      { class: 'field', hidden: true },
      labelFor('reason', 'outcome.reason', true),
      reason,
      reasonOtherGroup,
      errorFor('outcome.reason'),
    ),
    reasonOther: reasonOtherGroup,
    summary: h(
      'div',
      { class: 'field', hidden: true },
      labelFor('summary', 'outcome.summary'),
      summary,
      errorFor('outcome.summary'),
    ),
  };

  const formError = h('div', { id: 'form-error', class: 'form-error', role: 'alert' });
  const saveLabel = h('span', { class: 'save-label' }, t(language, SIDEBAR.save));
  const save = h(
    'button',
    { id: 'save', type: 'submit', class: 'action' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    saveLabel,
  );

  const form = h(
    'form',
    { id: 'followup', novalidate: true, 'aria-labelledby': 'followup-title' },
    h('h3', { id: 'followup-title' }, t(language, SIDEBAR.formTitle)),
    field(labelFor('method', 'method'), method, errorFor('method')),
    field(labelFor('time', 'time'), time, errorFor('time')),
    field(labelFor('content', 'content', true), content, errorFor('content')),
    field(labelFor('feedback', 'feedback'), feedback, errorFor('feedback')),
    field(labelFor('nextAction', 'nextAction'), nextAction, errorFor('nextAction')),
    field(labelFor('nextFollowUp', 'nextFollowUp'), nextFollowUp, errorFor('nextFollowUp')),
    h(
      'div',
      { class: 'field checkbox' },
      keyFollowUp,
      h('label', { for: 'keyFollowUp' }, keyFollowUpLabel(language)),
      errorFor('keyFollowUp'),
    ),
    h(
      'div',
      { class: 'outcome' },
      field(labelFor('result', 'outcome.result'), result, errorFor('outcome.result')),
      groups.amount,
      groups.keyFactors,
      groups.reason,
      groups.summary,
    ),
    formError,
    save,
  );

  return {
    form,
    method,
    time,
    content,
    feedback,
    nextAction,
    nextFollowUp,
    keyFollowUp,
    result,
    amount,
    keyFactors,
    reason,
    reasonOther,
    summary,
    groups,
    formError,
    save,
    saveLabel,
  };
}

/** What shows when the sidebar cannot start; the language is not known yet, so both are used. */
export function renderLoadFailure(message: string): {
  readonly root: HTMLElement;
  readonly retry: HTMLButtonElement;
} {
  const retry = h(
    'button',
    { type: 'button', class: 'action' },
    LANGUAGES.map((language) => t(language, SIDEBAR.retry)).join(' · '),
  );
  const root = h(
    'div',
    { class: 'load-failure', role: 'alert' },
    ...LANGUAGES.map((language) =>
      h('p', { lang: htmlLang(language) }, t(language, SIDEBAR.loadFailed, message)),
    ),
    retry,
  );
  return { root, retry };
}
