import type { KeyboardEvent } from 'react';

/** The places Enter moves through: inputs in order (one per radio group), then the submit button. */
function stops(form: HTMLFormElement): HTMLElement[] {
  const groups = new Set<string>();
  return Array.from(
    form.querySelectorAll<HTMLElement>(
      'input:not([type="hidden"]):not([disabled]), button[type="submit"]:not([disabled])',
    ),
  ).filter((element) => {
    if (!(element instanceof HTMLInputElement) || element.type !== 'radio') return true;
    if (groups.has(element.name)) return false;
    groups.add(element.name);
    return true;
  });
}

function sameStop(stop: HTMLElement, target: HTMLInputElement): boolean {
  if (stop === target) return true;
  return (
    target.type === 'radio' && stop instanceof HTMLInputElement && stop.type === 'radio' && stop.name === target.name
  );
}

function focusStop(form: HTMLFormElement, stop: HTMLElement): void {
  if (stop instanceof HTMLInputElement && stop.type === 'radio') {
    const checked = form.querySelector<HTMLInputElement>(
      `input[type="radio"][name="${CSS.escape(stop.name)}"]:checked`,
    );
    (checked ?? stop).focus();
    return;
  }
  stop.focus();
}

/**
 * The paper-form flow (UX.md): Enter moves to the next field, Ctrl+Enter saves from anywhere.
 * Enter on a radio button chooses it first, so a choice takes one key.
 */
export function handleFormKeys(event: KeyboardEvent<HTMLFormElement>, save: () => void): void {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
  if (event.ctrlKey || event.metaKey) {
    event.preventDefault();
    save();
    return;
  }
  const target = event.target;
  if (!(target instanceof HTMLInputElement)) return;
  event.preventDefault();
  if (target.type === 'radio' && !target.checked) target.click();
  const form = event.currentTarget;
  const all = stops(form);
  const next = all[all.findIndex((stop) => sameStop(stop, target)) + 1];
  if (next) focusStop(form, next);
}
