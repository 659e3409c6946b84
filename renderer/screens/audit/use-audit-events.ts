import { useCallback, useEffect, useState } from 'react';
import type { AuditEventView, AuditFilter, auditViews } from '../../../shared/api/audit-calls';
import type { ApiError } from '../../../shared/errors/app-error';
import { useApi } from '../../api/api-context';

type LogView = (typeof auditViews)[number];
const pageSize = 50;

export interface AuditEventsPage {
  items: AuditEventView[];
  more: boolean;
  /** `clinic`: every desk's events from the server; `desk`: this desk's only, `note` says why. */
  source: 'clinic' | 'desk';
  note: 'audit.server.unreachable' | 'audit.server.not_enrolled' | null;
}

/** The auditor's log, a page at a time, for one view and filter set (null view: not shown). */
export function useAuditEvents(view: LogView | null, filter: AuditFilter) {
  const api = useApi();
  const [page, setPage] = useState<AuditEventsPage | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let current = true;
    setPage(null);
    setError(null);
    if (view === null) return;
    void api.audit.events({ view, ...filter, limit: pageSize }).then((result) => {
      if (!current) return;
      if (result.ok) setPage(result.data);
      else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [api, view, filter]);

  const loadMore = useCallback(async () => {
    const last = page?.items.at(-1);
    if (!page || !last || view === null) return;
    const result = await api.audit.events({ view, ...filter, limit: pageSize, before: last.cursor });
    if (result.ok) setPage({ ...result.data, items: [...page.items, ...result.data.items] });
    else setError(result.error);
  }, [api, view, filter, page]);

  return { page, error, loadMore };
}
