/// <reference lib="dom" />
// The lead search: searches as the person types (debounced), arrow keys walk the results, Enter opens.

import type { LeadCard } from '../src/method/followUp/followUpContract';
import type { Language } from '../src/sheet/language';
import { t } from '../src/sheet/text/entry';
import { SIDEBAR } from '../src/sheet/text/sidebar';
import { renderResults, renderSearchView, type SearchView } from './render';
import { onLeadClick } from './listKeys';
import { call, serverMessage } from './server';

const TYPING_PAUSE_MS = 250;

export interface LeadSearch {
  readonly root: HTMLElement;
  /** Puts focus back where the person left: the lead they opened, else the search box. */
  focus(): void;
}

export function mountLeadSearch(language: Language, onOpen: (card: LeadCard) => void): LeadSearch {
  const view = renderSearchView(language);
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  // Answers can arrive out of order; only the newest request may fill the list.
  let latestRequest = 0;
  let lastOpenedId: string | null = null;
  let opening = false;

  const runSearch = () => {
    clearTimeout(typingTimer);
    const query = view.input.value.trim();
    const request = ++latestRequest;
    if (query === '') {
      renderResults(view.results, [], language);
      view.status.textContent = '';
      return;
    }
    view.status.textContent = t(language, SIDEBAR.searching);
    call('searchLeads', query).then(
      (leads) => {
        if (request !== latestRequest) return;
        renderResults(view.results, leads, language);
        view.status.textContent =
          leads.length === 0
            ? t(language, SIDEBAR.noMatches, query)
            : leads.length === 1
              ? t(language, SIDEBAR.oneMatch)
              : t(language, SIDEBAR.manyMatches, leads.length);
      },
      (error: unknown) => {
        if (request !== latestRequest) return;
        view.status.textContent = t(language, SIDEBAR.searchFailed, serverMessage(error));
      },
    );
  };

  const openLead = (leadId: string) => {
    if (opening) return;
    opening = true;
    lastOpenedId = leadId;
    view.status.textContent = t(language, SIDEBAR.opening, leadId);
    call('getLeadCard', leadId)
      .then(
        (card) => {
          view.status.textContent = '';
          onOpen(card);
        },
        (error: unknown) => {
          view.status.textContent = t(language, SIDEBAR.openFailed, leadId, serverMessage(error));
        },
      )
      .finally(() => {
        opening = false;
      });
  };

  const searchAfterPause = () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(runSearch, TYPING_PAUSE_MS);
  };
  // While a Chinese input method is composing, the box holds pinyin, not the query; search once
  // the characters are chosen.
  view.input.addEventListener('input', (event) => {
    if (!(event as InputEvent).isComposing) searchAfterPause();
  });
  view.input.addEventListener('compositionend', searchAfterPause);
  view.input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      resultButtons(view)[0]?.focus();
    } else if (event.key === 'Enter') {
      // Enter is "search now", not "wait for the pause".
      event.preventDefault();
      runSearch();
    }
  });
  view.results.addEventListener('keydown', (event) => moveThroughResults(view, event));
  onLeadClick(view.results, openLead);

  return {
    root: view.root,
    focus() {
      const opened = resultButtons(view).find(
        (b) => b.getAttribute('data-lead-id') === lastOpenedId,
      );
      (opened ?? view.input).focus();
    },
  };
}

function resultButtons(view: SearchView): HTMLButtonElement[] {
  return Array.from(view.results.querySelectorAll<HTMLButtonElement>('button[data-lead-id]'));
}

/** ↓ ↑ move one result, Home / End jump, ↑ on the first and Escape go back to the search box. */
function moveThroughResults(view: SearchView, event: KeyboardEvent): void {
  const buttons = resultButtons(view);
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at === -1) return;
  const target =
    event.key === 'ArrowDown'
      ? buttons[Math.min(at + 1, buttons.length - 1)]
      : event.key === 'ArrowUp'
        ? (buttons[at - 1] ?? view.input)
        : event.key === 'Home'
          ? buttons[0]
          : event.key === 'End'
            ? buttons[buttons.length - 1]
            : event.key === 'Escape'
              ? view.input
              : undefined;
  if (!target) return;
  event.preventDefault();
  target.focus();
}
