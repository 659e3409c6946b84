import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ChartReport } from '../../../shared/chart/chart-views';
import { formatRussianDate, isoDay } from '../../../shared/domain/calendar-date';

/**
 * The answer's deadline, a working day: red once it has passed, amber on its last day, the bare
 * day after a decision.
 */
export function ReportDue({ report, now }: { report: Pick<ChartReport, 'dueOn' | 'status' | 'overdue'>; now: Date }) {
  const { t } = useTranslation();
  const day = formatRussianDate(report.dueOn);
  if (report.status !== 'open')
    return (
      <Typography variant="body2" color="text.secondary" component="span">
        {t('chartReports.due.closed', { day })}
      </Typography>
    );
  if (report.overdue) return <Chip size="small" color="error" label={t('chartReports.due.overdue', { day })} />;
  if (report.dueOn === isoDay(now))
    return <Chip size="small" color="warning" variant="outlined" label={t('chartReports.due.today')} />;
  return <Chip size="small" variant="outlined" label={t('chartReports.due.left', { day })} />;
}
