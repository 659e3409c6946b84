import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueueCounter } from '../../ui/QueueCounter';
import { incidentChangedEvent, incidentEvents } from './incident-events';

/** The rail's count of open incidents; red with the leaks whose 152-ФЗ deadline has passed. */
export function IncidentCounter({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <QueueCounter
      count={(api) => api.incidents.count({})}
      events={incidentEvents}
      event={incidentChangedEvent}
      words={({ waiting, overdue }) =>
        t('incidents.activeCount', { count: waiting }) +
        (overdue > 0 ? `, ${t('incidents.overdueCount', { count: overdue })}` : '')
      }
    >
      {children}
    </QueueCounter>
  );
}
