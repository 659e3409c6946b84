import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePolledQuery } from '../../api/use-polled-query';
import { visuallyHidden } from '../../ui/visually-hidden';
import { requestChangedEvent, requestEvents } from './request-events';

const pollMs = 15_000;

/**
 * The rail's count of record requests waiting, as a badge on the section's icon: red with the
 * overdue ones when some are, blue otherwise; words for screen readers; no badge while none wait.
 */
export function RequestCounter({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { state, refresh } = usePolledQuery((api) => api.recordRequests.count({}), pollMs);
  useEffect(() => {
    requestEvents.addEventListener(requestChangedEvent, refresh);
    return () => requestEvents.removeEventListener(requestChangedEvent, refresh);
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
        {t('recordRequests.waiting', { count: waiting })}
        {overdue > 0 && `, ${t('recordRequests.overdueCount', { count: overdue })}`}
      </Box>
    </>
  );
}
