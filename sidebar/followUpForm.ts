/// <reference lib="dom" />
// The follow-up form's behaviour: shows the outcome fields a result needs, checks the form against
// the shared contract, sends it, and reports problems beside their fields.

import {
  checkFollowUp,
  type FieldProblem,
  type LeadCard,
} from '../src/method/followUp/followUpContract';
import type { Language } from '../src/sheet/language';
import {
  followUpPayload,
  type FollowUpFormValues,
  localDateTimeValue,
  outcomeFieldsShown,
} from './formPayload';
import { t } from '../src/sheet/text/entry';
import { SIDEBAR } from '../src/sheet/text/sidebar';
import { problemText } from './i18n';
import { errorElementId, fieldsNamedIn, inFormOrder, problemControlId } from './problems';
import { renderFollowUpForm } from './render';
import { call, serverMessage } from './server';

type FormControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface FollowUpFormOptions {
  readonly language: Language;
  readonly card: LeadCard;
  /** Called with the lead as the server returns it after a save. */
  readonly onSaved: (card: LeadCard) => void;
  /** Puts a short message in the page's status line. */
  readonly announce: (message: string) => void;
}

export function mountFollowUpForm(options: FollowUpFormOptions): HTMLFormElement {
  const { language, onSaved, announce } = options;
  const view = renderFollowUpForm(language);
  let leadId = options.card.id;
  let saving = false;
  /** Whether the person set the time; otherwise the follow-up is logged at the moment of saving. */
  let timeChosen = false;

  const controls: Readonly<Record<string, FormControl>> = {
    method: view.method,
    time: view.time,
    content: view.content,
    feedback: view.feedback,
    nextAction: view.nextAction,
    nextFollowUp: view.nextFollowUp,
    keyFollowUp: view.keyFollowUp,
    result: view.result,
    amount: view.amount,
    keyFactors: view.keyFactors,
    reason: view.reason,
    reasonOther: view.reasonOther,
    summary: view.summary,
  };

  const readValues = (): FollowUpFormValues => ({
    leadId,
    method: view.method.value,
    time: view.time.value,
    content: view.content.value,
    feedback: view.feedback.value,
    nextAction: view.nextAction.value,
    nextFollowUp: view.nextFollowUp.value,
    keyFollowUp: view.keyFollowUp.checked,
    result: view.result.value,
    amount: view.amount.value,
    keyFactors: view.keyFactors.value,
    reason: view.reason.value,
    reasonOther: view.reasonOther.value,
    summary: view.summary.value,
  });

  const showOutcomeFields = () => {
    const shown = outcomeFieldsShown(view.result.value, view.reason.value);
    view.groups.amount.hidden = !shown.amount;
    view.groups.keyFactors.hidden = !shown.keyFactors;
    view.groups.reason.hidden = !shown.reason;
    view.groups.reasonOther.hidden = !shown.reasonOther;
    view.groups.summary.hidden = !shown.summary;
  };

  const clearProblems = () => {
    for (const control of Object.values(controls)) control.removeAttribute('aria-invalid');
    for (const message of Array.from(view.form.querySelectorAll('.field-error'))) {
      message.textContent = '';
    }
    view.formError.textContent = '';
  };

  /** Marks each problem's control and explains it beside it; returns the control to focus. */
  const showProblems = (problems: readonly FieldProblem[], values: FollowUpFormValues) => {
    const elsewhere: string[] = [];
    let first: FormControl | undefined;
    for (const problem of inFormOrder(problems)) {
      const controlId = problemControlId(problem.field, values);
      const message = view.form.querySelector(`#${errorElementId(problem.field)}`);
      if (controlId === null || !message) {
        elsewhere.push(problemText(problem, language));
        continue;
      }
      controls[controlId].setAttribute('aria-invalid', 'true');
      message.textContent = problemText(problem, language);
      first ??= controls[controlId];
    }
    view.formError.textContent = elsewhere.join('\n');
    return first;
  };

  const setSaving = (busy: boolean) => {
    saving = busy;
    view.save.disabled = busy;
    view.save.setAttribute('aria-busy', String(busy));
    view.saveLabel.textContent = t(language, busy ? SIDEBAR.saving : SIDEBAR.save);
  };

  /** Ready for the next contact: what was said and decided goes, the method stays. */
  const resetAfterSave = (card: LeadCard) => {
    for (const control of [
      view.content,
      view.feedback,
      view.nextAction,
      view.result,
      view.amount,
      view.keyFactors,
      view.reason,
      view.reasonOther,
      view.summary,
    ]) {
      control.value = '';
    }
    view.keyFollowUp.checked = false;
    view.time.value = localDateTimeValue(new Date());
    timeChosen = false;
    view.nextFollowUp.value = card.suggestedNextFollowUp ?? '';
    showOutcomeFields();
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (saving) return;
    clearProblems();
    // A time nobody chose means "now": a card left open for hours must not log the old time.
    if (!timeChosen) view.time.value = localDateTimeValue(new Date());
    const values = readValues();
    const check = checkFollowUp(followUpPayload(values));
    if (!check.ok) {
      showProblems(check.problems, values)?.focus();
      return;
    }
    setSaving(true);
    call('submitFollowUp', check.form).then(
      (card) => {
        setSaving(false);
        leadId = card.id;
        onSaved(card);
        resetAfterSave(card);
        announce(t(language, SIDEBAR.saved, card.id));
        view.content.focus();
      },
      (error: unknown) => {
        setSaving(false);
        // Everything typed stays; the fields the server names are marked so they are easy to find.
        const message = serverMessage(error);
        view.formError.textContent = t(language, SIDEBAR.notSaved, message);
        const named = fieldsNamedIn(message)
          .map((field) => problemControlId(field, values))
          .filter((id): id is string => id !== null);
        for (const id of named) controls[id].setAttribute('aria-invalid', 'true');
        (named.length > 0 ? controls[named[0]] : view.save).focus();
      },
    );
  };

  view.time.value = localDateTimeValue(new Date());
  view.time.addEventListener('input', () => {
    timeChosen = true;
  });
  view.nextFollowUp.value = options.card.suggestedNextFollowUp ?? '';
  view.result.addEventListener('change', showOutcomeFields);
  view.reason.addEventListener('change', showOutcomeFields);
  // A corrected field stops saying it is wrong; the message beside it goes with the mark.
  view.form.addEventListener('input', (event) => {
    const control = event.target as Element;
    if (control.getAttribute('aria-invalid') !== 'true') return;
    control.removeAttribute('aria-invalid');
    const describedBy = control.getAttribute('aria-describedby');
    const message = describedBy ? view.form.querySelector(`#${describedBy}`) : null;
    if (message) message.textContent = '';
  });
  view.form.addEventListener('submit', submit);
  showOutcomeFields();
  return view.form;
}
