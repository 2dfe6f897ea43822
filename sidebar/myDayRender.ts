/// <reference lib="dom" />
// The DOM of My day, the pool list and the sidebar's navigation, built from data with text nodes
// only (a company named `<img onerror=…>` shows as text). Behaviour lives in myDay.ts and pool.ts.

import {
  type MyDay,
  type MyDayItem,
  type PoolLeadSummary,
  QUEUE_KINDS,
} from '../src/method/followUp/myDayContract';
import type { Language } from '../src/sheet/language';
import { t } from '../src/sheet/text/entry';
import { MY_DAY } from '../src/sheet/text/myDay';
import { POOL_CLAIMS } from '../src/sheet/text/poolClaims';
import { formatTime } from './format';
import { gradeBadge, h, replaceContent, type SidebarContext } from './render';

const joinParts = (parts: readonly string[]) => parts.filter((p) => p.trim() !== '').join(' · ');

export type Place = 'day' | 'search' | 'pool';

export interface Navigation {
  readonly root: HTMLElement;
  readonly buttons: Readonly<Record<Place, HTMLButtonElement>>;
  /** Marks the place shown. */
  show(place: Place): void;
}

export function renderNavigation(language: Language): Navigation {
  const button = (place: Place, label: string) =>
    h('button', { type: 'button', class: 'nav-button', id: `nav-${place}` }, label);
  const buttons = {
    day: button('day', t(language, MY_DAY.title)),
    search: button('search', t(language, MY_DAY.searchInstead)),
    pool: button('pool', t(language, MY_DAY.openPool)),
  };
  const root = h('nav', { class: 'nav' }, buttons.day, buttons.search, buttons.pool);
  return {
    root,
    buttons,
    show(place) {
      for (const [key, b] of Object.entries(buttons)) {
        if (key === place) b.setAttribute('aria-current', 'page');
        else b.removeAttribute('aria-current');
      }
    },
  };
}

export interface MyDayView {
  readonly root: HTMLElement;
  readonly list: HTMLUListElement;
  /** The name picker (no e-mail from Google) or a manager's switch; absent otherwise. */
  readonly chooser: HTMLSelectElement | undefined;
  readonly status: HTMLElement;
}

function itemButton(item: MyDayItem, context: SidebarContext): HTMLElement {
  const { language, timeZone } = context;
  const overdue = item.kind === 'firstContactOverdue' || item.kind === 'followUpOverdue';
  return h(
    'li',
    {},
    h(
      'button',
      {
        type: 'button',
        class: `result queue-item${overdue ? ' overdue' : ''}`,
        'data-lead-id': item.leadId,
        'data-kind': item.kind,
      },
      h(
        'span',
        { class: 'result-title' },
        gradeBadge(item.grade, language),
        h('span', { class: 'result-name' }, item.company || item.contact || item.leadId),
      ),
      h(
        'span',
        { class: 'result-detail due' },
        joinParts([
          t(language, MY_DAY.kind[item.kind]),
          t(language, MY_DAY.dueAt, formatTime(item.due, timeZone)),
        ]),
      ),
      h('span', { class: 'result-detail' }, joinParts([item.contact, item.leadId])),
    ),
  );
}

function chooserOf(day: MyDay, language: Language): HTMLSelectElement | undefined {
  if (day.team.length === 0) return undefined;
  const select = h('select', { id: 'queue-of' });
  if (!day.owner) select.appendChild(h('option', { value: '' }, t(language, MY_DAY.chooseName)));
  for (const name of day.team) {
    select.appendChild(
      h('option', { value: name, selected: name === day.owner || undefined }, name),
    );
  }
  return select;
}

export function renderMyDayView(day: MyDay, context: SidebarContext): MyDayView {
  const { language } = context;
  const chooser = chooserOf(day, language);
  const list = h('ul', { id: 'queue', class: 'results', 'aria-labelledby': 'day-title' });
  replaceContent(
    list,
    day.items.map((item) => itemButton(item, context)),
  );
  const counts = h(
    'ul',
    { class: 'counts' },
    ...QUEUE_KINDS.map((kind) =>
      h(
        'li',
        { class: `count count-${kind}${day.counts[kind] === 0 ? ' zero' : ''}` },
        h('span', { class: 'count-n' }, String(day.counts[kind])),
        h('span', { class: 'count-label' }, t(language, MY_DAY.kindShort[kind])),
      ),
    ),
  );
  const status = h('p', { id: 'day-status', class: 'hint', role: 'status' });
  const asking = day.recognised === 'none';
  const root = h(
    'section',
    { id: 'day-view', class: 'view' },
    h(
      'h2',
      { id: 'day-title', tabindex: '-1' },
      day.owner ? t(language, MY_DAY.titleOf, day.owner) : t(language, MY_DAY.title),
    ),
    asking && h('p', { class: 'notice', id: 'no-email' }, t(language, MY_DAY.noEmail)),
    day.unlistedEmail &&
      h('p', { class: 'notice' }, t(language, MY_DAY.notInTeam, day.unlistedEmail)),
    chooser &&
      !asking &&
      h(
        'label',
        { for: 'queue-of', class: 'label' },
        t(language, day.canSwitch ? MY_DAY.switchLabel : MY_DAY.yourName),
      ),
    chooser,
    day.owner && counts,
    day.owner &&
      (day.items.length > 0
        ? h('p', { class: 'hint' }, t(language, MY_DAY.hint))
        : h('p', { class: 'hint empty' }, t(language, MY_DAY.empty))),
    status,
    list,
    day.owner &&
      day.claimsPerDay > 0 &&
      h(
        'p',
        { class: 'hint' },
        t(language, POOL_CLAIMS.claimsLeft, day.claimsLeft, day.claimsPerDay),
      ),
  );
  if (asking && chooser) chooser.setAttribute('aria-describedby', 'no-email');
  return { root, list, chooser, status };
}

export interface PoolView {
  readonly root: HTMLElement;
  readonly input: HTMLInputElement;
  readonly list: HTMLUListElement;
  readonly status: HTMLElement;
}

export function renderPoolView(language: Language): PoolView {
  const input = h('input', {
    id: 'pool-filter',
    type: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: t(language, POOL_CLAIMS.searchPlaceholder),
    'aria-describedby': 'pool-hint',
    'aria-controls': 'pool-list',
  });
  const status = h('p', { id: 'pool-status', class: 'hint', role: 'status' });
  const list = h('ul', { id: 'pool-list', class: 'results', 'aria-labelledby': 'pool-title' });
  const root = h(
    'section',
    { id: 'pool-view', class: 'view' },
    h('h2', { id: 'pool-title' }, t(language, POOL_CLAIMS.title)),
    input,
    h('p', { id: 'pool-hint', class: 'hint' }, t(language, POOL_CLAIMS.hint)),
    status,
    list,
  );
  return { root, input, list, status };
}

export function renderPoolLeads(
  list: HTMLUListElement,
  leads: readonly PoolLeadSummary[],
  context: SidebarContext,
): void {
  const { language, timeZone } = context;
  replaceContent(
    list,
    leads.map((lead) =>
      h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: 'result pool-lead', 'data-lead-id': lead.leadId },
          h(
            'span',
            { class: 'result-title' },
            gradeBadge(lead.grade, language),
            h('span', { class: 'result-name' }, lead.company || lead.leadId),
            h(
              'span',
              { class: 'claim-tag', 'aria-hidden': 'true' },
              t(language, POOL_CLAIMS.claim),
            ),
          ),
          h(
            'span',
            { class: 'result-detail' },
            joinParts([
              lead.source,
              lead.pooledAt
                ? t(language, POOL_CLAIMS.pooledOn, formatTime(lead.pooledAt, timeZone))
                : '',
            ]),
          ),
          h(
            'span',
            { class: 'result-detail' },
            joinParts([
              lead.leadId,
              lead.previousOwner ? t(language, POOL_CLAIMS.previousOwner, lead.previousOwner) : '',
            ]),
          ),
        ),
      ),
    ),
  );
}
