/// <reference lib="dom" />
// The follow-up sidebar: asks the server where to start, then shows the active row's lead card or
// the lead search, and moves between the two.

import type { LeadCard, SidebarStart } from '../src/method/followUp/followUpContract';
import { mountFollowUpForm } from './followUpForm';
import { APP } from '../src/sheet/text/app';
import { htmlLang } from '../src/sheet/language';
import { t } from '../src/sheet/text/entry';
import {
  renderCardSummary,
  renderCardView,
  renderHistory,
  renderLoadFailure,
  type SidebarContext,
} from './render';
import { type LeadSearch, mountLeadSearch } from './search';
import { call, serverMessage } from './server';

/** Long enough to read a short sentence; the live region has already announced it. */
const STATUS_SHOWN_MS = 6000;

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The sidebar page has no #${id}.`);
  return element;
}

function startSidebar(): void {
  const app = byId('app');
  const status = byId('status');
  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  const announce = (message: string) => {
    clearTimeout(statusTimer);
    status.textContent = message;
    statusTimer = setTimeout(() => {
      status.textContent = '';
    }, STATUS_SHOWN_MS);
  };

  const load = () => {
    app.setAttribute('aria-busy', 'true');
    call('getSidebarStart').then(
      (start) => {
        app.removeAttribute('aria-busy');
        showApp(app, start, announce);
      },
      (error: unknown) => {
        app.removeAttribute('aria-busy');
        const failure = renderLoadFailure(serverMessage(error));
        app.textContent = '';
        app.appendChild(failure.root);
        failure.retry.addEventListener('click', load);
        failure.retry.focus();
      },
    );
  };
  load();
}

function showApp(app: HTMLElement, start: SidebarStart, announce: (message: string) => void) {
  const context: SidebarContext = { language: start.language, timeZone: start.timeZone };
  const { language } = context;
  document.documentElement.lang = htmlLang(language);
  document.title = t(language, APP.name);
  app.textContent = '';

  // The search is built once and only hidden while a card shows, so "back" finds the query and
  // results as they were.
  let search: LeadSearch | undefined;
  let cardRoot: HTMLElement | undefined;

  const showSearch = () => {
    cardRoot?.remove();
    cardRoot = undefined;
    if (!search) {
      search = mountLeadSearch(language, showCard);
      app.appendChild(search.root);
    }
    search.root.hidden = false;
    search.focus();
  };

  function showCard(card: LeadCard) {
    cardRoot?.remove();
    const view = renderCardView(language);
    const showLead = (lead: LeadCard) => {
      renderCardSummary(view.summary, lead, context);
      renderHistory(view.history, lead.history, context);
    };
    showLead(card);
    view.formSlot.appendChild(mountFollowUpForm({ language, card, onSaved: showLead, announce }));
    view.back.addEventListener('click', showSearch);
    if (search) search.root.hidden = true;
    app.appendChild(view.root);
    cardRoot = view.root;
    document.getElementById('card-title')?.focus();
  }

  if (start.lead) showCard(start.lead);
  else showSearch();
}

startSidebar();
