import { useEffect, useRef } from 'react';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Inside a dialog or an open menu the chart's letters are not the chart's. */
function inOverlay(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    target.closest('[role="dialog"], [role="menu"], [role="listbox"][aria-labelledby]') !== null
  );
}

export interface ChartKeys {
  /** `/`: the history's search box (the top bar's search stays on F2 while the chart is open). */
  search(): void;
  /** `N` (the key, in any keyboard layout: Т in Russian): a new encounter; null when the person may not write. */
  newEntry: (() => void) | null;
  /** Escape outside a field or dialog: close the open entry. */
  close: (() => void) | null;
}

/**
 * The chart's own keys while it is on screen. Heard before the frame's (capture on window), so
 * `/` searches the history rather than the patients; a key typed in a field or a dialog is left alone.
 */
export function useChartKeys(keys: ChartKeys): void {
  const latest = useRef(keys);
  useEffect(() => {
    latest.current = keys;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
      if (isEditable(event.target) || inOverlay(event.target)) return;
      const { search, newEntry, close } = latest.current;
      let handled = false;
      if (event.key === '/') {
        search();
        handled = true;
      } else if (event.code === 'KeyN' && !event.shiftKey && newEntry) {
        newEntry();
        handled = true;
      } else if (event.key === 'Escape' && close) {
        close();
        handled = true;
      }
      if (handled) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
