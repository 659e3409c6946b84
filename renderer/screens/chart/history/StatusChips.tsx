import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { ChartSummary } from '../../../../shared/chart/chart-views';
import type { ru } from '../../../i18n/ru';

type ChipColor = 'default' | 'info' | 'warning' | 'error' | 'success';
type KnownStatus = keyof typeof ru.chart.history.statuses;

const statusColors: Record<KnownStatus, ChipColor> = {
  active: 'success',
  resolved: 'default',
  ruled_out: 'default',
  stopped: 'default',
  completed: 'default',
  inactive: 'default',
  normal: 'success',
  low: 'warning',
  high: 'warning',
  abnormal: 'warning',
  uploaded: 'info',
  sent: 'info',
};

function isKnownStatus(status: string | null): status is KnownStatus {
  return status !== null && Object.hasOwn(statusColors, status);
}

/** The entry's state in words: its status, and whether it was amended, removed or came from the patient. */
export function StatusChips({ entry }: { entry: Pick<ChartSummary, 'status' | 'amended' | 'deleted' | 'source'> }) {
  const { t } = useTranslation();
  return (
    <>
      {isKnownStatus(entry.status) && !entry.deleted && (
        <Chip
          size="small"
          variant="outlined"
          color={statusColors[entry.status]}
          label={t(`chart.history.statuses.${entry.status}`)}
        />
      )}
      {entry.source === 'patient' && <Chip size="small" color="info" label={t('chart.history.fromPatient')} />}
      {entry.amended && <Chip size="small" color="warning" variant="outlined" label={t('chart.history.amended')} />}
      {entry.deleted && <Chip size="small" color="error" variant="outlined" label={t('chart.history.removed')} />}
    </>
  );
}
