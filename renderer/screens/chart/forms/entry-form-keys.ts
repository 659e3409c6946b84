import type { KeyboardEvent } from 'react';

/**
 * The chart forms' keys (UX.md): Ctrl+Enter saves from anywhere; Enter in a one-line box or a
 * list moves to the next box (an autocomplete's Enter picks its option first, then moves on);
 * Enter in a clinical text box is a new line. Unlike `forms/keyboard-flow`, lists and text areas
 * are stops here: the chart's forms are mostly those.
 */
export function handleEntryKeys(event: KeyboardEvent<HTMLFormElement>, save: () => void): void {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
  if (event.ctrlKey || event.metaKey) {
    event.preventDefault();
    save();
    return;
  }
  const target = event.target;
  const oneLine = target instanceof HTMLInputElement && !['checkbox', 'radio', 'file'].includes(target.type);
  if (!oneLine && !(target instanceof HTMLSelectElement)) return;
  event.preventDefault();
  const stops = Array.from(
    event.currentTarget.querySelectorAll<HTMLElement>(
      'input:not([type="hidden"]):not([disabled]):not([tabindex="-1"]), select:not([disabled]), textarea:not([disabled]):not([aria-hidden="true"]), button[type="submit"]:not([disabled])',
    ),
  );
  stops[stops.indexOf(target) + 1]?.focus();
}
