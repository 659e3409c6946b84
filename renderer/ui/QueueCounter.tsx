import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import { useEffect, type ReactNode } from 'react';
import type { ApiRequest } from '../api/use-api-query';
import { usePolledQuery } from '../api/use-polled-query';
import { visuallyHidden } from './visually-hidden';

const pollMs = 15_000;

/** What a queue's count call answers: how many wait, and how many of them are overdue. */
export interface QueueCount {
  waiting: number;
  overdue: number;
}

/**
 * A rail section's count of work waiting (UX.md: counters where work waits), as a badge on the
 * section's icon: red with the overdue ones when some are, blue otherwise; `words` for screen
 * readers; no badge while nothing waits. Polled, and asked again at once when `events` says this
 * desk changed something (`event`).
 */
export function QueueCounter({
  children,
  count,
  events,
  event,
  words,
}: {
  children: ReactNode;
  count: ApiRequest<QueueCount>;
  events: EventTarget;
  event: string;
  words: (count: QueueCount) => string;
}) {
  const { state, refresh } = usePolledQuery(count, pollMs);
  useEffect(() => {
    events.addEventListener(event, refresh);
    return () => events.removeEventListener(event, refresh);
  }, [events, event, refresh]);
  const counted = state.status === 'ok' ? state.data : { waiting: 0, overdue: 0 };
  if (counted.waiting === 0) return children;
  return (
    <>
      <Badge
        badgeContent={counted.overdue > 0 ? counted.overdue : counted.waiting}
        color={counted.overdue > 0 ? 'error' : 'primary'}
        max={99}
        aria-hidden
      >
        {children}
      </Badge>
      <Box component="span" sx={visuallyHidden}>
        {words(counted)}
      </Box>
    </>
  );
}
