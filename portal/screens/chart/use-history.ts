import { useCallback, useEffect, useState } from 'react';
import type { CabinetHistoryPage } from '../../../shared/cabinet/chart-api';
import type { ChartCursor, ChartSummary } from '../../../shared/chart/chart-views';
import type { CabinetFilter } from '../../api/chart-client';
import { useClient } from '../../api/session';
import { refusalProblems, type GeneralProblem } from '../../forms/refusal';

const pageSize = 30;

/** The history under a filter, newest first, a page at a time («Показать ещё» asks for the next). */
export function useHistory(filter: CabinetFilter) {
  const client = useClient();
  const [items, setItems] = useState<ChartSummary[] | undefined>(undefined);
  const [next, setNext] = useState<ChartCursor | null>(null);
  // The whole chart restricted (F4): why nothing is shown, in the patient's words.
  const [withheld, setWithheld] = useState<CabinetHistoryPage['withheld']>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<GeneralProblem[]>([]);
  const key = JSON.stringify(filter);

  useEffect(() => {
    let current = true;
    setItems(undefined);
    setNext(null);
    setProblems([]);
    setBusy(true);
    client.chart
      .history(JSON.parse(key) as CabinetFilter, null, pageSize)
      .then((page) => {
        if (!current) return;
        setItems(page.items);
        setNext(page.next);
        setWithheld(page.withheld ?? null);
      })
      .catch((error: unknown) => {
        if (current) setProblems(refusalProblems(error));
      })
      .finally(() => {
        if (current) setBusy(false);
      });
    return () => {
      current = false;
    };
  }, [client, key]);

  const more = useCallback(async () => {
    if (!next) return;
    setBusy(true);
    setProblems([]);
    try {
      const page = await client.chart.history(JSON.parse(key) as CabinetFilter, next, pageSize);
      setItems((shown) => [...(shown ?? []), ...page.items]);
      setNext(page.next);
    } catch (error) {
      setProblems(refusalProblems(error));
    } finally {
      setBusy(false);
    }
  }, [client, key, next]);

  return { items, withheld, hasMore: next !== null, more, busy, problems };
}
