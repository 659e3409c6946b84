import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueueCounter } from '../../ui/QueueCounter';
import { healthChangedEvent, healthEvents } from './health-events';

/** The rail's count of desks needing attention, the red ones in red. */
export function HealthCounter({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <QueueCounter
      count={(api) => api.health.count({})}
      events={healthEvents}
      event={healthChangedEvent}
      words={({ waiting, overdue }) => t('health.attention', { waiting, overdue })}
    >
      {children}
    </QueueCounter>
  );
}
