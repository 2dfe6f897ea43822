/// <reference lib="dom" />
// Walking a list of buttons with the keyboard: ↓ ↑ move one, Home / End jump, ↑ on the first and
// Escape go to `above` (a filter box) when there is one.

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
