/// <reference lib="dom" />
// My day's behaviour: loads the queue, lets a person without a Google e-mail pick their name and a
// manager switch to a member's queue; ↓ ↑ walk the items, Enter opens one; after a save the caller
// asks for the next item still due.

import type { MyDay } from '../src/method/followUp/myDayContract';
import { t } from '../src/sheet/text/entry';
import { MY_DAY } from '../src/sheet/text/myDay';
import { moveInList, onLeadClick } from './listKeys';
import { renderMyDayView } from './myDayRender';
import type { SidebarContext } from './render';
import { call, serverMessage } from './server';

export interface MyDayPanel {
  readonly root: HTMLElement;
  /** Loads the queue again (the same person's) and shows it. */
  load(): Promise<MyDay | undefined>;
  /** Focus on the last opened item, else the first, else the title. */
  focus(): void;
  /** After `leadId` was dealt with: the next item still due, from a fresh queue. */
  nextAfter(leadId: string): Promise<string | undefined>;
}

export function mountMyDay(context: SidebarContext, onOpen: (leadId: string) => void): MyDayPanel {
  const { language } = context;
  const root = document.createElement('div');
  root.id = 'day-panel';
  let member: string | undefined;
  let shown: MyDay | undefined;
  let lastOpened: string | undefined;

  const buttons = () =>
    Array.from(root.querySelectorAll<HTMLButtonElement>('#queue button[data-lead-id]'));

  const show = (day: MyDay) => {
    shown = day;
    const view = renderMyDayView(day, context);
    root.textContent = '';
    root.appendChild(view.root);
    view.chooser?.addEventListener('change', () => {
      const name = view.chooser?.value ?? '';
      if (!name) return;
      member = name;
      void load().then(() => panel.focus());
    });
    view.list.addEventListener('keydown', (event) => moveInList(buttons(), event));
    onLeadClick(view.list, (leadId) => {
      lastOpened = leadId;
      onOpen(leadId);
    });
  };

  const load = (): Promise<MyDay | undefined> => {
    root.setAttribute('aria-busy', 'true');
    const request = member === undefined ? call('getMyDay') : call('getMyDay', member);
    return request.then(
      (day) => {
        root.removeAttribute('aria-busy');
        // A person who picked their own name is remembered by the server from now on.
        if (day.recognised === 'choice') member = undefined;
        show(day);
        return day;
      },
      (error: unknown) => {
        root.removeAttribute('aria-busy');
        root.textContent = '';
        const failure = document.createElement('p');
        failure.className = 'form-error';
        failure.setAttribute('role', 'alert');
        failure.textContent = t(language, MY_DAY.loadFailed, serverMessage(error));
        root.appendChild(failure);
        return undefined;
      },
    );
  };

  const panel: MyDayPanel = {
    root,
    load,
    focus() {
      const all = buttons();
      const target =
        all.find((b) => b.getAttribute('data-lead-id') === lastOpened) ??
        all[0] ??
        root.querySelector<HTMLElement>('#queue-of') ??
        root.querySelector<HTMLElement>('#day-title');
      target?.focus();
    },
    async nextAfter(leadId) {
      const before = shown?.items.map((item) => item.leadId) ?? [];
      const day = await load();
      if (!day) return undefined;
      const now = new Set(day.items.map((item) => item.leadId));
      const after = before.slice(before.indexOf(leadId) + 1);
      const next = [...after, ...day.items.map((item) => item.leadId)].find(
        (id) => id !== leadId && now.has(id),
      );
      if (next) lastOpened = next;
      return next;
    },
  };
  return panel;
}
