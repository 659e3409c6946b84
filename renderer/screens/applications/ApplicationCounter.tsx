import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueueCounter } from '../../ui/QueueCounter';
import { applicationChangedEvent, applicationEvents } from './application-events';

/** The rail's count of applications waiting for a decision, the overdue ones in red. */
export function ApplicationCounter({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <QueueCounter
      count={(api) => api.applications.count({})}
      events={applicationEvents}
      event={applicationChangedEvent}
      words={({ waiting, overdue }) =>
        t('applications.waiting', { count: waiting }) +
        (overdue > 0 ? `, ${t('applications.overdueCount', { count: overdue })}` : '')
      }
    >
      {children}
    </QueueCounter>
  );
}
