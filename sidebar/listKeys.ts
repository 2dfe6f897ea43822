/// <reference lib="dom" />
// Lists of lead buttons: walking them with the keyboard (↓ ↑ move one, Home / End jump, ↑ on the
// first and Escape go to `above`, a filter box, when there is one) and a click on any of them.

export function moveInList(
  buttons: readonly HTMLElement[],
  event: KeyboardEvent,
  above?: HTMLElement,
): void {
  const at = buttons.indexOf(document.activeElement as HTMLElement);
  if (at === -1) return;
  const target =
    event.key === 'ArrowDown'
      ? buttons[Math.min(at + 1, buttons.length - 1)]
      : event.key === 'ArrowUp'
        ? (buttons[at - 1] ?? above)
        : event.key === 'Home'
          ? buttons[0]
          : event.key === 'End'
            ? buttons[buttons.length - 1]
            : event.key === 'Escape'
              ? above
              : undefined;
  if (!target) return;
  event.preventDefault();
  target.focus();
}

/** Calls `open` with the Lead ID of the lead button clicked anywhere in `list`. */
export function onLeadClick(list: HTMLElement, open: (leadId: string) => void): void {
  list.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest('button[data-lead-id]');
    const leadId = button?.getAttribute('data-lead-id');
    if (leadId) open(leadId);
  });
}
