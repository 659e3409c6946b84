import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePolledQuery } from '../../api/use-polled-query';
import { visuallyHidden } from '../../ui/visually-hidden';
import { reportDecidedEvent, reportEvents } from './report-events';

const pollMs = 15_000;

/**
 * The rail's count of inaccuracy reports waiting for an answer, as a badge on the section's icon:
 * red with the overdue ones when some are overdue, blue otherwise; words for screen readers; no
 * badge while nothing waits. Numbers only (`chart.reports.count`): no patient data, not audited.
 */
export function ReportCounter({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { state, refresh } = usePolledQuery((api) => api.chart['reports.count']({}), pollMs);
  useEffect(() => {
    reportEvents.addEventListener(reportDecidedEvent, refresh);
    return () => reportEvents.removeEventListener(reportDecidedEvent, refresh);
  }, [refresh]);
  const open = state.status === 'ok' ? state.data.open : 0;
  const overdue = state.status === 'ok' ? state.data.overdue : 0;
  if (open === 0) return children;
  return (
    <>
      <Badge badgeContent={overdue > 0 ? overdue : open} color={overdue > 0 ? 'error' : 'primary'} max={99} aria-hidden>
        {children}
      </Badge>
      <Box component="span" sx={visuallyHidden}>
        {t('chartReports.open', { count: open })}
        {overdue > 0 && `, ${t('chartReports.overdueCount', { count: overdue })}`}
      </Box>
    </>
  );
}
