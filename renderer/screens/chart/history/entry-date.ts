import { formatRussianDate } from '../../../../shared/domain/calendar-date';
import type { ChartEntryKind } from '../../../../shared/chart/entry-kinds';
import { formatDateTime } from '../../../format/date-time';

const dayOnly = 'T00:00:00.000Z';

/**
 * When an entry happened, as the desk writes dates: an encounter (and what was recorded in it) at
 * its Moscow date and time; a standalone dated entry (stored as its day at UTC midnight) as the
 * day alone, which in Moscow time would read as 03:00.
 */
export function entryDate(entry: { kind: ChartEntryKind; occurredAt: string; encounterId: string | null }): string {
  if (entry.kind !== 'encounter' && entry.encounterId === null && entry.occurredAt.endsWith(dayOnly)) {
    return formatRussianDate(entry.occurredAt.slice(0, 10));
  }
  return formatDateTime(entry.occurredAt);
}
