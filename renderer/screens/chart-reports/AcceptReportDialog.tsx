import { useMemo } from 'react';
import type { ContractApi } from '../../../shared/api/facade';
import type { ChartEntryView } from '../../../shared/chart/chart-views';
import { ApiProvider, useApi } from '../../api/api-context';
import { EditEntryDialog } from '../chart/forms/EditEntryDialog';

/**
 * The API as the amendment form sees it while a report is accepted: its `chart.amend` becomes
 * `chart.reports.accept` (the same draft, reason and overrides, the report named), then the
 * entry as amended — what the form expects back. The form itself (the kind's fields, its checks,
 * the required reason, the prescription check) is the chart's own, unchanged.
 */
function acceptingApi(api: ContractApi, reportId: string, onAccepted: () => void): ContractApi {
  return {
    ...api,
    chart: {
      ...api.chart,
      amend: async (input) => {
        const accepted = await api.chart['reports.accept']({
          id: reportId,
          baseRevision: input.baseRevision,
          draft: input.draft,
          reason: input.reason,
          overrides: input.overrides ?? [],
        });
        if (!accepted.ok) return accepted;
        onAccepted();
        return api.chart.entry({ id: input.id });
      },
    },
  };
}

/** Accepting a report (D4): the entry's amendment form, saved as the report's answer. */
export function AcceptReportDialog({
  reportId,
  entry,
  onClose,
  onAccepted,
}: {
  reportId: string;
  entry: ChartEntryView;
  onClose(): void;
  onAccepted(): void;
}) {
  const api = useApi();
  const accepting = useMemo(() => acceptingApi(api, reportId, onAccepted), [api, reportId, onAccepted]);
  return (
    <ApiProvider api={accepting}>
      <EditEntryDialog entry={entry} open mode="amend" onClose={onClose} onSaved={onClose} />
    </ApiProvider>
  );
}
