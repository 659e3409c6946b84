import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChartCursor, ChartFilter, ChartSummary } from '../../../../shared/chart/chart-views';
import type { ApiError } from '../../../../shared/errors/app-error';
import { useApi } from '../../../api/api-context';

/** Rows per page: a screen and a half, so the first answer is small and scrolling rarely waits. */
export const historyPageSize = 100;

export interface ChartHistory {
  items: readonly ChartSummary[];
  /** How many entries match (from the first page); null until it is known. */
  total: number | null;
  /** `loading`: the first page for these filters is on its way (older rows may still show). */
  status: 'loading' | 'ok' | 'failed';
  error: ApiError | null;
  loadingMore: boolean;
  hasMore: boolean;
  /** Asks for the next (older) page unless one is on its way or there is none. */
  loadMore(): void;
  /** Starts again from the newest (after a write). */
  reload(): void;
}

interface Pages {
  items: ChartSummary[];
  next: ChartCursor | null;
  total: number | null;
}

/**
 * The patient's history, newest first, a keyset page at a time: the first page when the filters
 * change (an answer for older filters is dropped), the next one when the list asks as it scrolls.
 */
export function useChartHistory(patientId: string, filter: ChartFilter): ChartHistory {
  const api = useApi();
  const key = JSON.stringify(filter);
  const [generation, setGeneration] = useState(0);
  const [pages, setPages] = useState<Pages>({ items: [], next: null, total: null });
  const [status, setStatus] = useState<ChartHistory['status']>('loading');
  const [error, setError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  // The question the shown pages answer: a later page joins them only if it is still the same.
  const current = useRef({ key, generation });
  const askingMore = useRef(false);

  useEffect(() => {
    const question = { key, generation };
    current.current = question;
    askingMore.current = false;
    setLoadingMore(false);
    setStatus('loading');
    void api.chart
      .history({ patientId, filter: JSON.parse(key) as ChartFilter, after: null, limit: historyPageSize })
      .then((envelope) => {
        if (current.current !== question) return;
        if (!envelope.ok) {
          setError(envelope.error);
          setStatus('failed');
          return;
        }
        setError(null);
        setPages({ items: envelope.data.items, next: envelope.data.next, total: envelope.data.total });
        setStatus('ok');
      });
  }, [api, patientId, key, generation]);

  const loadMore = useCallback(() => {
    if (askingMore.current || status !== 'ok' || !pages.next) return;
    const question = current.current;
    askingMore.current = true;
    setLoadingMore(true);
    void api.chart
      .history({
        patientId,
        filter: JSON.parse(question.key) as ChartFilter,
        after: pages.next,
        limit: historyPageSize,
      })
      .then((envelope) => {
        if (current.current !== question) return;
        setLoadingMore(false);
        if (!envelope.ok) {
          // No more asking as the list scrolls (it would ask again at once): `reload` starts over.
          setError(envelope.error);
          return;
        }
        askingMore.current = false;
        setPages((prior) => ({
          items: [...prior.items, ...envelope.data.items],
          next: envelope.data.next,
          total: prior.total,
        }));
      });
  }, [api, patientId, pages.next, status]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  return {
    items: pages.items,
    total: pages.total,
    status,
    error,
    loadingMore,
    hasMore: pages.next !== null,
    loadMore,
    reload,
  };
}
