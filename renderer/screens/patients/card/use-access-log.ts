import { useCallback, useEffect, useState } from 'react';
import type { accessLogAnswerSchema } from '../../../../shared/api/patient-calls';
import type { ApiError } from '../../../../shared/errors/app-error';
import type { z } from 'zod';
import { useApi } from '../../../api/api-context';

type AccessLogAnswer = z.output<typeof accessLogAnswerSchema>;

export interface AccessLogToggles {
  showOwn: boolean;
  showListed: boolean;
}

/**
 * «Журнал доступа» of a card, a page at a time: the clinic's when the server answers, this desk's
 * own otherwise (the answer's `note` says so); the next page continues from the same source.
 */
export function useAccessLog(patientId: string, toggles: AccessLogToggles) {
  const api = useApi();
  const [log, setLog] = useState<AccessLogAnswer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    setLog(null);
    setError(null);
    void api.patients.accessLog({ id: patientId, ...toggles }).then((result) => {
      if (!current) return;
      if (result.ok) setLog(result.data);
      else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [api, patientId, toggles]);

  const loadMore = useCallback(async () => {
    if (!log || log.cursor === null) return;
    setBusy(true);
    const result = await api.patients.accessLog({ id: patientId, ...toggles, cursor: log.cursor, source: log.source });
    setBusy(false);
    if (result.ok) {
      const hidden = {
        own: log.hidden.own + result.data.hidden.own,
        listed: log.hidden.listed + result.data.hidden.listed,
      };
      setLog({ ...result.data, lines: [...log.lines, ...result.data.lines], hidden });
    } else setError(result.error);
  }, [api, patientId, toggles, log]);

  return { log, error, busy, loadMore };
}
