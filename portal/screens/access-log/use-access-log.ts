import { useCallback, useEffect, useState } from 'react';
import type { CabinetAccessLog } from '../../../shared/cabinet/access-log-api';
import type { Representation } from '../../../shared/cabinet/cabinet-api';
import { accessLogScopeSection } from '../../../shared/cabinet/access-log-api';
import { useClient } from '../../api/session';
import { refusalProblems, type GeneralProblem } from '../../forms/refusal';

export interface AccessLogView {
  /** The person whose card is shown (undefined: the account's own). */
  person: string | undefined;
  own: boolean;
  noise: boolean;
}

/**
 * The screen's policy: whose card (oneself, or a person one represents with the scope that grants
 * the log), the toggles, and the pages so far («Показать ещё» continues from the last cursor).
 */
export function useAccessLog() {
  const client = useClient();
  const [view, setView] = useState<AccessLogView>({ person: undefined, own: false, noise: false });
  const [persons, setPersons] = useState<Representation['persons']>([]);
  const [log, setLog] = useState<CabinetAccessLog | null>(null);
  const [problems, setProblems] = useState<GeneralProblem[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void client
      .representation()
      .then((answer) => setPersons(answer.persons.filter((item) => item.scope.includes(accessLogScopeSection))))
      .catch(() => setPersons([]));
  }, [client]);

  useEffect(() => {
    let current = true;
    setLog(null);
    setProblems([]);
    client.accessLog
      .page({ ...(view.person ? { person: view.person } : {}), own: view.own, noise: view.noise })
      .then((answer) => current && setLog(answer))
      .catch((error: unknown) => current && setProblems(refusalProblems(error)));
    return () => {
      current = false;
    };
  }, [client, view]);

  const loadMore = useCallback(async () => {
    if (!log || log.cursor === null) return;
    setBusy(true);
    try {
      const next = await client.accessLog.page({
        person: log.patientId,
        cursor: log.cursor,
        own: view.own,
        noise: view.noise,
      });
      setLog({
        ...next,
        lines: [...log.lines, ...next.lines],
        hidden: { own: log.hidden.own + next.hidden.own, listed: log.hidden.listed + next.hidden.listed },
      });
    } catch (error) {
      setProblems(refusalProblems(error));
    } finally {
      setBusy(false);
    }
  }, [client, log, view]);

  return { view, setView, persons, log, problems, busy, loadMore };
}
