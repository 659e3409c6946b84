import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueueCounter } from '../../ui/QueueCounter';
import { requestChangedEvent, requestEvents } from './request-events';

/** The rail's count of record requests waiting, the overdue ones in red. */
export function RequestCounter({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <QueueCounter
      count={(api) => api.recordRequests.count({})}
      events={requestEvents}
      event={requestChangedEvent}
      words={({ waiting, overdue }) =>
        t('recordRequests.waiting', { count: waiting }) +
        (overdue > 0 ? `, ${t('recordRequests.overdueCount', { count: overdue })}` : '')
      }
    >
      {children}
    </QueueCounter>
  );
}
