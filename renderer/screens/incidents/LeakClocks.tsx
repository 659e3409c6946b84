import AlarmOutlined from '@mui/icons-material/AlarmOutlined';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlined from '@mui/icons-material/ErrorOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail, IncidentItem } from '../../../shared/api/incident-calls';
import { hoursMinutes, leakClocks, type DeadlineState } from '../../../shared/incidents/leak-deadlines';
import { formatDateTime } from '../../format/date-time';
import { useMinute } from './use-minute';

type Tone = 'success' | 'warning' | 'error' | 'default';

/** Green when done, red when overdue, amber under 6 hours left: never colour alone (icon and words too). */
function toneOf(clock: DeadlineState): Tone {
  if (clock.state === 'done') return 'success';
  if (clock.state === 'overdue') return 'error';
  return clock.warn ? 'warning' : 'default';
}

const icons = { success: CheckCircleOutlined, warning: AlarmOutlined, error: ErrorOutlined, default: AlarmOutlined };

function clocksOf(item: IncidentItem, now: string) {
  if (!item.leak) return null;
  return leakClocks(
    { detectedAt: item.detectedAt, notifiedAt: item.leak.notifiedAt, resultsAt: item.leak.resultsAt },
    now,
  );
}

/** The queue's cell: the nearest running clock of a leak, short («23:05», «−1:10», «готово»). */
export function LeakClockChip({ item }: { item: IncidentItem }) {
  const { t } = useTranslation();
  const clocks = clocksOf(item, useMinute());
  if (!clocks) return null;
  const clock = clocks.notify.state !== 'done' ? clocks.notify : clocks.results;
  const tone = toneOf(clock);
  const Icon = icons[tone];
  const label =
    clock.state === 'done'
      ? t('incidents.leak.short.done')
      : t(`incidents.leak.short.${clock.state}`, { time: hoursMinutes(clock.minutes) });
  return <Chip size="small" variant="outlined" color={tone} icon={<Icon />} label={label} />;
}

function Clock({
  label,
  clock,
  by,
}: {
  label: string;
  clock: DeadlineState & { due: string };
  by: { name: string } | null;
}) {
  const { t } = useTranslation();
  const tone = toneOf(clock);
  const Icon = icons[tone];
  const words =
    clock.state === 'done'
      ? t(clock.late ? 'incidents.leak.doneLate' : 'incidents.leak.done', { at: formatDateTime(clock.doneAt) })
      : t(`incidents.leak.${clock.state}`, { time: hoursMinutes(clock.minutes) });
  return (
    <Paper
      variant="outlined"
      role="group"
      aria-label={label}
      sx={{
        p: 2,
        flex: 1,
        minWidth: 240,
        borderLeftWidth: 6,
        borderLeftColor: (theme) => (tone === 'default' ? theme.palette.info.main : theme.palette[tone].main),
      }}
    >
      <Typography variant="subtitle2">{label}</Typography>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, my: 0.5 }}>
        <Icon color={tone === 'default' ? 'info' : tone} />
        <Typography variant="h6" component="p" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {words}
        </Typography>
      </Box>
      <Typography variant="body2" color="text.secondary">
        {t('incidents.leak.due', { at: formatDateTime(clock.due) })}
        {clock.state === 'done' && by ? ` · ${t('incidents.leak.recordedBy', { name: by.name })}` : ''}
      </Typography>
    </Paper>
  );
}

/** A leak's two 152-ФЗ deadlines, counting down (renewed every minute), and what the law asks in plain words. */
export function LeakClocks({ incident }: { incident: IncidentDetail['incident'] }) {
  const { t } = useTranslation();
  const clocks = clocksOf(incident, useMinute());
  if (!clocks) return null;
  return (
    <Box component="section" aria-label={t('incidents.leak.title')} sx={{ my: 2 }}>
      <Typography variant="h6" component="h2">
        {t('incidents.leak.title')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1.5, maxWidth: 900 }}>
        {t('incidents.leak.explain')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <Clock label={t('incidents.leak.notify')} clock={clocks.notify} by={incident.notifiedBy} />
        <Clock label={t('incidents.leak.results')} clock={clocks.results} by={incident.resultsBy} />
      </Box>
    </Box>
  );
}
