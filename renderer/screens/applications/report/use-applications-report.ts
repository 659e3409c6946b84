import { useState } from 'react';
import type { ApplicationsReport } from '../../../../shared/api/report-calls';
import { useApiMutation } from '../../../api/use-api-mutation';
import { useApiQuery } from '../../../api/use-api-query';
import { downloadText } from './download-text';

/** The period asked for: ISO days, either left out for the default (the last 12 weeks). */
export interface AskedPeriod {
  from?: string;
  to?: string;
}

/** Whether the period had anything at all to count: an empty one says so instead of empty charts. */
export function isEmptyReport(report: ApplicationsReport): boolean {
  const { totals } = report;
  return (
    totals.submitted + totals.decided + totals.activated + totals.overdue === 0 &&
    report.stages.every((stage) => stage.count === 0)
  );
}

/** The report page's policy: the period, the report for it, and its CSV handed to the download. */
export function useApplicationsReport() {
  const [period, setPeriod] = useState<AskedPeriod>({});
  const report = useApiQuery(`${period.from ?? ''}..${period.to ?? ''}`, (api) => api.reports.applications(period));
  const csv = useApiMutation((api, asked: AskedPeriod) => api.reports.applicationsCsv(asked), {
    onSuccess: (file) => downloadText(file.fileName, file.text),
  });
  return { period, setPeriod, report, csv };
}
