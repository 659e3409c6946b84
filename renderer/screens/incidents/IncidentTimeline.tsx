import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { IncidentEntry } from '../../../shared/api/incident-calls';
import { isIncidentStatus } from '../../../shared/incidents/incident-words';
import { formatDateTime } from '../../format/date-time';

/** The incident's timeline, oldest first: each step, when, and who (or the server). */
export function IncidentTimeline({ entries }: { entries: readonly IncidentEntry[] }) {
  const { t } = useTranslation();
  const status = (value: string | null) => (isIncidentStatus(value) ? t(`incidents.status.${value}`) : (value ?? '—'));
  const what = (entry: IncidentEntry): string => {
    switch (entry.kind) {
      case 'status':
        return t('incidents.timeline.status', { from: status(entry.from), to: status(entry.to) });
      case 'notice':
        return entry.to === 'results'
          ? t('incidents.timeline.notice.results')
          : t('incidents.timeline.notice.notified');
      default:
        return t(`incidents.timeline.${entry.kind}`);
    }
  };
  return (
    <section aria-labelledby="incident-timeline">
      <Typography id="incident-timeline" variant="h6" component="h2" sx={{ mt: 3 }}>
        {t('incidents.timeline.title')}
      </Typography>
      <List dense aria-label={t('incidents.timeline.title')}>
        {entries.map((entry) => (
          <ListItem key={entry.id} divider alignItems="flex-start">
            <ListItemText
              primary={`${formatDateTime(entry.at)} · ${what(entry)} · ${entry.author?.name ?? t('incidents.timeline.server')}`}
              secondary={entry.kind === 'notice' ? (entry.note ? formatDateTime(entry.note) : null) : entry.note}
              slotProps={{ secondary: { sx: { whiteSpace: 'pre-wrap' } } }}
            />
          </ListItem>
        ))}
      </List>
    </section>
  );
}
