import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ApplicationEvent } from '../../../shared/api/application-calls';
import { formatDateTime } from '../../format/date-time';
import { SectionCard } from '../../ui/SectionCard';

function word(t: TFunction, group: string, value: unknown): string {
  return typeof value === 'string' ? t(`applications.${group}.${value}` as 'applications.title') : '';
}

/** What an event says, in words: its kind, with the check, channel, reason or outcome it carries. */
export function eventText(t: TFunction, event: ApplicationEvent): string {
  return t(`applications.journal.kind.${event.kind}`, {
    check: word(t, 'checks.name', event.detail.check),
    channel: word(t, 'decision.channels', event.detail.activationChannel ?? event.detail.channel),
    reason: word(t, 'decision.reasons', event.detail.reason),
    outcome: word(t, 'appeal.outcomes', event.detail.outcome),
  });
}

/** The application's journal (C6), oldest first: when, what, and who — a clerk by name, the patient or the server. */
export function ApplicationJournal({ events }: { events: readonly ApplicationEvent[] }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t('applications.journal.title')}>
      {events.length === 0 ? (
        <Typography color="text.secondary">{t('applications.journal.empty')}</Typography>
      ) : (
        <List dense>
          {events.map((event) => (
            <ListItem key={event.id} disableGutters>
              <ListItemText
                primary={eventText(t, event)}
                secondary={`${formatDateTime(event.at)} · ${
                  event.actorKind === 'staff'
                    ? (event.actorName ?? '—')
                    : t(`applications.journal.actor.${event.actorKind}`)
                }`}
              />
            </ListItem>
          ))}
        </List>
      )}
    </SectionCard>
  );
}
