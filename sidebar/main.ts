/// <reference lib="dom" />
// The follow-up sidebar: asks the server where to start, then shows the active row's lead card or,
// with no lead row selected, the person's day; the lead search and the pool are a click away.

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
import { type MyDayPanel, mountMyDay } from './myDay';
import { type Place, renderNavigation } from './myDayRender';
import { mountPool, type PoolPanel } from './pool';
import { MY_DAY } from '../src/sheet/text/myDay';
import { SIDEBAR } from '../src/sheet/text/sidebar';
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

  // Each place is built once and only hidden while another shows, so going back finds the query,
  // results and focus as they were.
  const nav = renderNavigation(language);
  app.appendChild(nav.root);
  let search: LeadSearch | undefined;
  let day: MyDayPanel | undefined;
  let pool: PoolPanel | undefined;
  let cardRoot: HTMLElement | undefined;
  /** Where the open card came from: the queue's cards lead on to its next item after a save. */
  let cardFrom: Place = 'search';

  const hideAll = () => {
    cardRoot?.remove();
    cardRoot = undefined;
    for (const panel of [search, day, pool]) if (panel) panel.root.hidden = true;
  };

  const showSearch = () => {
    hideAll();
    nav.show('search');
    if (!search) {
      search = mountLeadSearch(language, (card) => showCard(card, 'search'));
      app.appendChild(search.root);
    }
    search.root.hidden = false;
    search.focus();
  };

  const showDay = (reload = true) => {
    hideAll();
    nav.show('day');
    if (!day) {
      day = mountMyDay(context, (leadId) => openLead(leadId, 'day'));
      app.appendChild(day.root);
    }
    day.root.hidden = false;
    const panel = day;
    if (reload) void panel.load().then(() => panel.focus());
    else panel.focus();
  };

  const showPool = () => {
    hideAll();
    nav.show('pool');
    if (!pool) {
      pool = mountPool(context, (leadId, message) => openLead(leadId, 'day', message));
      app.appendChild(pool.root);
    }
    pool.root.hidden = false;
    pool.load();
    pool.focus();
  };

  /** Opens a lead's card; `done` is said once it shows (a claim's "is yours now"). */
  function openLead(leadId: string, from: Place, done?: string) {
    announce(t(language, SIDEBAR.opening, leadId));
    call('getLeadCard', leadId).then(
      (card) => {
        showCard(card, from);
        if (done) announce(done);
      },
      (error: unknown) => announce(t(language, SIDEBAR.openFailed, leadId, serverMessage(error))),
    );
  }

  /** After a save from the queue, the next item still due opens; the last one leads back to it. */
  function afterSave(card: LeadCard) {
    if (cardFrom !== 'day' || !day) return;
    void day.nextAfter(card.id).then((next) => {
      if (next) openLead(next, 'day');
      else {
        announce(t(language, MY_DAY.allDone));
        showDay(false);
      }
    });
  }

  function showCard(card: LeadCard, from: Place) {
    hideAll();
    cardFrom = from;
    nav.show(from);
    const view = renderCardView(
      language,
      from === 'day' ? t(language, MY_DAY.backToDay) : undefined,
    );
    const showLead = (lead: LeadCard) => {
      renderCardSummary(view.summary, lead, context);
      renderHistory(view.history, lead.history, context);
    };
    showLead(card);
    const onSaved = (lead: LeadCard) => {
      showLead(lead);
      afterSave(lead);
    };
    view.formSlot.appendChild(mountFollowUpForm({ language, card, onSaved, announce }));
    view.back.addEventListener('click', () => (from === 'day' ? showDay(false) : showSearch()));
    app.appendChild(view.root);
    cardRoot = view.root;
    document.getElementById('card-title')?.focus();
  }

  nav.buttons.day.addEventListener('click', () => showDay());
  nav.buttons.search.addEventListener('click', showSearch);
  nav.buttons.pool.addEventListener('click', showPool);

  // A lead row selected in Leads opens its card; otherwise the sidebar opens on the person's day.
  if (start.lead) showCard(start.lead, 'search');
  else showDay();
}

startSidebar();
