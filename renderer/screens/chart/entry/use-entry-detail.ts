import { useCallback, useState } from 'react';
import type { CallOutput } from '../../../../shared/api/contract';
import { useApiQuery, type QueryState } from '../../../api/use-api-query';

export type ChartDetail = CallOutput<'chart.entry'>;

/**
 * One entry in full (an audited read), and a reload after a change; while it reloads the entry
 * as it was stays on screen, so the panel does not blink.
 */
export function useEntryDetail(id: string): {
  state: QueryState<ChartDetail>;
  shown: ChartDetail | null;
  reload(): void;
} {
  const [generation, setGeneration] = useState(0);
  const state = useApiQuery(`chart-entry:${id}:${generation}`, (api) => api.chart.entry({ id }));
  const shown = state.status === 'ok' ? state.data : state.status === 'loading' ? state.previous : null;
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { state, shown: shown && shown.entry.id === id ? shown : null, reload };
}
