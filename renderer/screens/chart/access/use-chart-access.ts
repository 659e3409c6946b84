import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../../shared/api/contract';
import { useApiQuery } from '../../../api/use-api-query';

export type ChartAccessStatus = CallOutput<'chartAccess.status'>;

const changedEvent = 'medcard:chart-access-changed';

/** Tells every view of the patient that a grant or a restriction changed: they ask again. */
export function announceChartAccessChanged(): void {
  window.dispatchEvent(new Event(changedEvent));
}

/** Where the person stands with the patient's chart (team, live grants, restrictions), kept current. */
export function useChartAccess(patientId: string): { status: ChartAccessStatus | null; reload(): void } {
  const [round, setRound] = useState(0);
  useEffect(() => {
    const reload = () => setRound((count) => count + 1);
    window.addEventListener(changedEvent, reload);
    return () => window.removeEventListener(changedEvent, reload);
  }, []);
  const state = useApiQuery(`chart-access:${patientId}:${round}`, (api) => api.chartAccess.status({ patientId }));
  return {
    status: state.status === 'ok' ? state.data : null,
    reload: () => setRound((count) => count + 1),
  };
}
