import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePolledQuery } from '../../api/use-polled-query';
import { visuallyHidden } from '../../ui/visually-hidden';
import { applicationChangedEvent, applicationEvents } from './application-events';

const pollMs = 15_000;

/**
 * The rail's count of applications waiting for a decision, as a badge on the section's icon: red
 * when some are overdue (the number is then the overdue ones), blue otherwise; words for screen
 * readers; no badge while nothing waits.
 */
export function ApplicationCounter({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { state, refresh } = usePolledQuery((api) => api.applications.count({}), pollMs);
  useEffect(() => {
    applicationEvents.addEventListener(applicationChangedEvent, refresh);
    return () => applicationEvents.removeEventListener(applicationChangedEvent, refresh);
  }, [refresh]);
  const waiting = state.status === 'ok' ? state.data.waiting : 0;
  const overdue = state.status === 'ok' ? state.data.overdue : 0;
  if (waiting === 0) return children;
  return (
    <>
      <Badge
        badgeContent={overdue > 0 ? overdue : waiting}
        color={overdue > 0 ? 'error' : 'primary'}
        max={99}
        aria-hidden
      >
        {children}
      </Badge>
      <Box component="span" sx={visuallyHidden}>
        {t('applications.waiting', { count: waiting })}
        {overdue > 0 && `, ${t('applications.overdueCount', { count: overdue })}`}
      </Box>
    </>
  );
}
