import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ChartEntryView } from '../../../../shared/chart/chart-views';
import { formatDateTime } from '../../../format/date-time';

/** Who wrote the entry, who last amended it and why, who removed it and why (D4). */
export function EntryTrail({ entry }: { entry: ChartEntryView }) {
  const { t } = useTranslation();
  const someone = t('chart.entry.someone');
  return (
    <Box sx={{ display: 'grid', gap: 0.5 }}>
      {entry.source === 'patient' && (
        <Typography variant="body2" color="text.secondary">
          {t('chart.entry.fromPatient')}
        </Typography>
      )}
      <Typography variant="body2" color="text.secondary">
        {t('chart.entry.written', { at: formatDateTime(entry.createdAt), by: entry.createdBy?.name ?? someone })}
      </Typography>
      {entry.amendedAt && (
        <Typography variant="body2">
          {t('chart.entry.amended', {
            at: formatDateTime(entry.amendedAt),
            by: entry.amendedBy?.name ?? someone,
            reason: entry.amendReason ?? '',
          })}
        </Typography>
      )}
      {entry.deletedAt && (
        <Typography variant="body2" color="error">
          {t('chart.entry.removed', {
            at: formatDateTime(entry.deletedAt),
            by: entry.deletedBy?.name ?? someone,
            reason: entry.deletedReason ?? '',
          })}
        </Typography>
      )}
    </Box>
  );
}

/** The current version's last change, for the versions' heading. */
export function CurrentCaption({ entry }: { entry: ChartEntryView }) {
  const { t } = useTranslation();
  const someone = t('chart.entry.someone');
  if (entry.deletedAt)
    return t('chart.entry.removed', {
      at: formatDateTime(entry.deletedAt),
      by: entry.deletedBy?.name ?? someone,
      reason: entry.deletedReason ?? '',
    });
  if (entry.amendedAt)
    return t('chart.entry.amended', {
      at: formatDateTime(entry.amendedAt),
      by: entry.amendedBy?.name ?? someone,
      reason: entry.amendReason ?? '',
    });
  return t('chart.entry.written', { at: formatDateTime(entry.createdAt), by: entry.createdBy?.name ?? someone });
}
