import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { ApplicationView } from '../../shared/cabinet/cabinet-api';
import {
  activationChannels,
  denyReasons,
  type ActivationChannel,
  type DenyReason,
} from '../../shared/domain/application';
import { useTexts } from '../i18n/use-texts';
import { formatInstant } from '../ui/dates';

type Event = ApplicationView['events'][number];

const isDenyReason = (value: unknown): value is DenyReason => (denyReasons as readonly unknown[]).includes(value);
const isChannel = (value: unknown): value is ActivationChannel =>
  (activationChannels as readonly unknown[]).includes(value);

/** The application's journal (C6) in plain words: what happened, when, and by whom. */
export function ApplicationTimeline({ events }: { events: ApplicationView['events'] }) {
  const { t, language } = useTexts();
  const detailOf = (event: Event): string | null => {
    const reason = event.detail.reason ?? event.detail.denyReason;
    if (isDenyReason(reason)) return t(`deny.${reason}`);
    const outcome = event.detail.outcome;
    if (outcome === 'upheld' || outcome === 'overturned') return t(`status.appealOutcome.${outcome}`);
    const channel = event.detail.channel;
    if (isChannel(channel)) return t(`status.channel.${channel}`);
    return null;
  };
  return (
    <section aria-labelledby="timeline-title">
      <Typography id="timeline-title" variant="h2" sx={{ mb: 1 }}>
        {t('status.timeline')}
      </Typography>
      <List component="ol" dense sx={{ borderLeft: 2, borderColor: 'divider', ml: 1 }}>
        {events.map((event, index) => {
          const detail = detailOf(event);
          return (
            <ListItem component="li" key={`${event.kind}-${index}`} sx={{ display: 'block' }}>
              <ListItemText
                primary={t(`event.${event.kind}`)}
                secondary={[`${formatInstant(event.at, language)} · ${t(`status.by.${event.actorKind}`)}`, detail]
                  .filter(Boolean)
                  .join(' — ')}
              />
            </ListItem>
          );
        })}
      </List>
    </section>
  );
}
