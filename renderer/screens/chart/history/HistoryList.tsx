import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { forwardRef, useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartSummary } from '../../../../shared/chart/chart-views';
import { HistoryRow } from './HistoryRow';

const rowHeight = 60;
/** Ask for the next page when the window comes this close to the last loaded row. */
const loadAhead = 30;

export interface HistoryListProps {
  items: readonly ChartSummary[];
  total: number | null;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): void;
  /** The entry open in the panel (marked in the list). */
  openId: string | null;
  onOpen(item: ChartSummary): void;
}

/**
 * The timeline as one listbox (one tab stop, `aria-activedescendant` on the selected row): only
 * the rows in view are in the page, so 5,000 entries scroll as lightly as 50. Arrows, Page
 * Up/Down, Home/End move the selection; Enter or a click opens the entry. Mounted afresh for
 * each filter (the selection starts at the newest again).
 */
export const HistoryList = forwardRef<HTMLDivElement, HistoryListProps>(function HistoryList(
  { items, total, hasMore, loadingMore, loadMore, openId, onOpen },
  ref,
) {
  const { t } = useTranslation();
  const baseId = useId();
  const scroller = useRef<HTMLDivElement | null>(null);
  const [selected, setSelected] = useState(0);
  const current = Math.max(0, Math.min(selected, items.length - 1));

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    // The selected row stays in the page even when scrolled away: `aria-activedescendant` names it.
    rangeExtractor: useCallback(
      (range: Range) => [...new Set([...defaultRangeExtractor(range), current])].sort((a, b) => a - b),
      [current],
    ),
  });
  const rows = virtualizer.getVirtualItems();
  const lastShown = virtualizer.range?.endIndex ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastShown >= items.length - loadAhead) loadMore();
  }, [hasMore, loadingMore, lastShown, items.length, loadMore]);

  function move(to: number) {
    const next = Math.max(0, Math.min(items.length - 1, to));
    setSelected(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent) {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (event.key in steps) {
      event.preventDefault();
      move(current + steps[event.key]!);
    } else if (event.key === 'Home') {
      event.preventDefault();
      move(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      move(items.length - 1);
    } else if (event.key === 'Enter' || event.key === ' ') {
      const item = items[current];
      if (!item) return;
      event.preventDefault();
      onOpen(item);
    }
  }

  const optionId = (index: number) => `${baseId}-entry-${index}`;

  return (
    <Box
      ref={(element: HTMLDivElement | null) => {
        scroller.current = element;
        if (typeof ref === 'function') ref(element);
        else if (ref) ref.current = element;
      }}
      role="listbox"
      tabIndex={0}
      aria-label={t('chart.history.listLabel')}
      aria-activedescendant={items.length > 0 ? optionId(current) : undefined}
      aria-busy={loadingMore}
      onKeyDown={onKeyDown}
      sx={{
        position: 'relative',
        height: '100%',
        overflowY: 'auto',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: 'background.paper',
        '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: 2 },
      }}
    >
      <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {rows.map((row) => {
          const item = items[row.index];
          if (!item) return null;
          const isSelected = row.index === current;
          return (
            <Box
              key={item.id}
              id={optionId(row.index)}
              role="option"
              aria-selected={isSelected}
              aria-current={item.id === openId ? 'true' : undefined}
              aria-setsize={total ?? items.length}
              aria-posinset={row.index + 1}
              onClick={() => {
                setSelected(row.index);
                onOpen(item);
              }}
              sx={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                height: rowHeight,
                transform: `translateY(${row.start}px)`,
                cursor: 'pointer',
                borderBottom: 1,
                borderColor: 'divider',
                borderLeft: 4,
                borderLeftColor: item.id === openId ? 'primary.main' : 'transparent',
                bgcolor: isSelected ? 'action.selected' : 'transparent',
                '&:hover': { bgcolor: isSelected ? 'action.selected' : 'action.hover' },
              }}
            >
              <HistoryRow item={item} />
            </Box>
          );
        })}
      </Box>
      {loadingMore && (
        <Box sx={{ position: 'sticky', bottom: 0, bgcolor: 'background.paper', px: 2, py: 0.5 }}>
          <LinearProgress aria-hidden />
          <Typography variant="caption" color="text.secondary" role="status">
            {t('chart.history.loadingMore')}
          </Typography>
        </Box>
      )}
    </Box>
  );
});
