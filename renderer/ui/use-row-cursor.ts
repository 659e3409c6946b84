import { useEffect, useRef, type KeyboardEvent } from 'react';

/**
 * A keyboard-first table's cursor (UX.md): the rows are one tab stop; ArrowUp/ArrowDown move the
 * selection (Home/End to the ends), focus follows a move made by a key, and Enter opens the
 * selected row. The selection itself is the caller's (`selected`, `onSelect`); spread `rowProps`
 * on each row and put `onKeyDown` on the table.
 */
export function useRowCursor<T>(
  items: readonly T[],
  selected: number,
  onSelect: (index: number) => void,
  onOpen: (item: T) => void,
) {
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  const moved = useRef(false);
  const current = Math.min(selected, items.length - 1);

  useEffect(() => {
    if (moved.current) rows.current[current]?.focus();
    moved.current = false;
  }, [current]);

  function onKeyDown(event: KeyboardEvent) {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    const jump = event.key === 'Home' ? 0 : event.key === 'End' ? items.length - 1 : null;
    if (step !== 0 || jump !== null) {
      event.preventDefault();
      moved.current = true;
      onSelect(jump ?? Math.max(0, Math.min(items.length - 1, current + step)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const item = items[current];
      if (item !== undefined) onOpen(item);
    }
  }

  const rowProps = (index: number) => ({
    ref: (row: HTMLTableRowElement | null) => {
      rows.current[index] = row;
    },
    selected: index === current,
    tabIndex: index === current ? 0 : -1,
    'aria-selected': index === current,
    onFocus: () => onSelect(index),
  });

  return { onKeyDown, rowProps };
}
