/// <reference lib="dom" />
// The pool list's behaviour: filters as the person types, ↓ ↑ walk the leads, Enter claims one; a
// refusal shows the server's sentence naming the rule, a claim opens the lead's card.

import type { Language } from '../src/sheet/language';
import { t } from '../src/sheet/text/entry';
import { POOL_CLAIMS } from '../src/sheet/text/poolClaims';
import { moveInList, onLeadClick } from './listKeys';
import { renderPoolLeads, renderPoolView } from './myDayRender';
import type { SidebarContext } from './render';
import { call, serverMessage } from './server';

const TYPING_PAUSE_MS = 250;

export interface PoolPanel {
  readonly root: HTMLElement;
  load(): void;
  focus(): void;
}

export function mountPool(
  context: SidebarContext,
  onClaimed: (leadId: string, message: string) => void,
): PoolPanel {
  const language: Language = context.language;
  const view = renderPoolView(language);
  let latest = 0;
  let claiming = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const buttons = () =>
    Array.from(view.list.querySelectorAll<HTMLButtonElement>('button[data-lead-id]'));

  const load = () => {
    clearTimeout(timer);
    const request = ++latest;
    call('listPoolLeads', view.input.value.trim()).then(
      (leads) => {
        if (request !== latest) return;
        renderPoolLeads(view.list, leads, context);
        view.status.textContent = leads.length === 0 ? t(language, POOL_CLAIMS.empty) : '';
      },
      (error: unknown) => {
        if (request !== latest) return;
        view.status.textContent = serverMessage(error);
      },
    );
  };

  const claim = (leadId: string) => {
    if (claiming) return;
    claiming = true;
    view.status.textContent = t(language, POOL_CLAIMS.claiming, leadId);
    call('claimPoolLead', leadId)
      .then(
        (result) => {
          view.status.textContent = '';
          buttons()
            .find((b) => b.getAttribute('data-lead-id') === leadId)
            ?.closest('li')
            ?.remove();
          onClaimed(result.leadId, t(language, POOL_CLAIMS.claimed, result.leadId));
        },
        (error: unknown) => {
          view.status.textContent = t(language, POOL_CLAIMS.claimFailed, serverMessage(error));
        },
      )
      .finally(() => {
        claiming = false;
      });
  };

  view.input.addEventListener('input', (event) => {
    if ((event as InputEvent).isComposing) return;
    clearTimeout(timer);
    timer = setTimeout(load, TYPING_PAUSE_MS);
  });
  view.input.addEventListener('compositionend', () => {
    clearTimeout(timer);
    timer = setTimeout(load, TYPING_PAUSE_MS);
  });
  view.input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      buttons()[0]?.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      load();
    }
  });
  view.list.addEventListener('keydown', (event) => moveInList(buttons(), event, view.input));
  onLeadClick(view.list, claim);

  return {
    root: view.root,
    load,
    focus() {
      (buttons()[0] ?? view.input).focus();
    },
  };
}
