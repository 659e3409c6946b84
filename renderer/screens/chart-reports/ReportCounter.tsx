import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueueCounter } from '../../ui/QueueCounter';
import { reportDecidedEvent, reportEvents } from './report-events';

/**
 * The rail's count of inaccuracy reports waiting for an answer, the overdue ones in red. Numbers
 * only (`chart.reports.count`): no patient data, not audited.
 */
export function ReportCounter({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <QueueCounter
      count={async (api) => {
        const answer = await api.chart['reports.count']({});
        return answer.ok ? { ...answer, data: { waiting: answer.data.open, overdue: answer.data.overdue } } : answer;
      }}
      events={reportEvents}
      event={reportDecidedEvent}
      words={({ waiting, overdue }) =>
        t('chartReports.open', { count: waiting }) +
        (overdue > 0 ? `, ${t('chartReports.overdueCount', { count: overdue })}` : '')
      }
    >
      {children}
    </QueueCounter>
  );
}
