import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from '../../../shared/domain/application';
import { formatDateTime } from '../../format/date-time';

const minuteMs = 60_000;
/** Less than this left: the chip turns amber. */
const soonMs = 4 * 60 * minuteMs;

/** A span of time in the largest whole unit a clerk reads at a glance: days, hours or minutes. */
export function spanText(t: TFunction, ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / minuteMs));
  if (minutes < 60) return t('applications.due.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('applications.due.hours', { count: hours });
  return t('applications.due.days', { count: Math.floor(hours / 24) });
}

/** "Overdue by 3 h" (red), "5 h left" (amber under 4 h), or the bare deadline of a closed application. */
export function DueChip({ dueAt, status, now }: { dueAt: string; status: ApplicationStatus; now: Date }) {
  const { t } = useTranslation();
  if (status !== 'submitted' && status !== 'in_review')
    return (
      <Typography variant="body2" color="text.secondary" component="span">
        {t('applications.due.closed', { at: formatDateTime(dueAt) })}
      </Typography>
    );
  const left = Date.parse(dueAt) - now.getTime();
  const title = formatDateTime(dueAt);
  if (left < 0)
    return (
      <Chip
        size="small"
        color="error"
        title={title}
        label={t('applications.due.overdue', { time: spanText(t, left) })}
      />
    );
  return (
    <Chip
      size="small"
      variant="outlined"
      color={left < soonMs ? 'warning' : 'default'}
      title={title}
      label={t('applications.due.left', { time: spanText(t, left) })}
    />
  );
}
