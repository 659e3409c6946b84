import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ChartReport } from '../../../../shared/chart/chart-views';
import { formatRussianDate } from '../../../../shared/domain/calendar-date';
import { formatDateTime } from '../../../format/date-time';

/** The patient's inaccuracy reports about the entry: what they said, the clinic's answer, their disagreement. */
export function EntryReports({ reports, headingId }: { reports: readonly ChartReport[]; headingId: string }) {
  const { t } = useTranslation();
  const someone = t('chart.entry.someone');
  return (
    <Box component="ul" aria-labelledby={headingId} sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1.5 }}>
      {reports.map((report) => (
        <Box component="li" key={report.id} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}>
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', mb: 0.5 }}>
            <Typography sx={{ fontWeight: 600 }}>{t(`chart.entry.reports.kinds.${report.kind}`)}</Typography>
            <Chip
              size="small"
              variant="outlined"
              color={report.status === 'open' ? 'warning' : report.status === 'accepted' ? 'success' : 'default'}
              label={t(`chart.entry.reports.statuses.${report.status}`)}
            />
            {report.overdue && report.status === 'open' && (
              <Chip size="small" color="error" label={t('chart.entry.reports.overdue')} />
            )}
          </Box>
          <Typography sx={{ whiteSpace: 'pre-wrap' }}>{report.text}</Typography>
          <Typography variant="body2" color="text.secondary">
            {t('chart.entry.reports.submitted', {
              at: formatDateTime(report.submittedAt),
              due: formatRussianDate(report.dueOn),
            })}
          </Typography>
          {report.status === 'accepted' && report.decidedAt && (
            <Typography variant="body2">
              {t('chart.entry.reports.accepted', {
                at: formatDateTime(report.decidedAt),
                by: report.decidedBy?.name ?? someone,
                revision: report.amendmentRevision ?? '',
              })}
            </Typography>
          )}
          {report.status === 'declined' && report.decidedAt && (
            <Typography variant="body2">
              {t('chart.entry.reports.declined', {
                at: formatDateTime(report.decidedAt),
                by: report.decidedBy?.name ?? someone,
                reason: report.declineReason ?? '',
              })}
            </Typography>
          )}
          {report.disagreement && (
            <Box sx={{ mt: 1, pl: 1.5, borderLeft: 3, borderColor: 'warning.main' }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {t('chart.entry.reports.disagreement', {
                  at: report.disagreementAt ? formatDateTime(report.disagreementAt) : '',
                })}
              </Typography>
              <Typography sx={{ whiteSpace: 'pre-wrap' }}>{report.disagreement}</Typography>
            </Box>
          )}
        </Box>
      ))}
    </Box>
  );
}
