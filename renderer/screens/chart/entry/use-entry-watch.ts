import { usePolledQuery } from '../../../api/use-polled-query';
import type { CallOutput } from '../../../../shared/api/contract';

export type EntryWatch = CallOutput<'chart.watch'>;

/** How often an open entry asks whether it has moved on (D5: "at once" for a person reading it). */
export const watchIntervalMs = 2000;

/**
 * While an entry is open: its revision now, asked every 2 s (a primary-key read, not audited).
 * `moved` is the newer state when another change has landed since `openedRevision`, else null.
 */
export function useEntryWatch(id: string, openedRevision: number, openedDeleted: boolean): EntryWatch | null {
  const { state } = usePolledQuery((api) => api.chart.watch({ id }), watchIntervalMs);
  if (state.status !== 'ok') return null;
  const now = state.data;
  return now.revision > openedRevision || (now.deleted && !openedDeleted) ? now : null;
}
