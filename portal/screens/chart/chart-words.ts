import type { ChartSummary } from '../../../shared/chart/chart-views';
import type { Language } from '../../i18n/language';
import type { Translate } from '../../i18n/use-texts';
import { chartRu } from '../../i18n/chart.ru';
import { formatDay, formatInstant } from '../../ui/dates';

type StatusWord = keyof typeof chartRu.statuses;

/** A summary row's status in words (a diagnosis's, a prescription's, a lab's flag, an upload's); null when none. */
export function statusWords(t: Translate, status: string | null): string | null {
  if (status === null) return null;
  return status in chartRu.statuses ? t(`statuses.${status as StatusWord}`) : status;
}

/** An entry's line in words; a removed one's content is kept back by the server: it only says it was removed. */
export function entryTitle(t: Translate, entry: Pick<ChartSummary, 'summary' | 'deleted' | 'kind'>): string {
  if (entry.summary) return entry.summary;
  return entry.deleted ? t('cards.removedEntry') : t(`kinds.${entry.kind}`);
}

/**
 * When an entry happened as the patient reads it: a visit (and what was recorded in it) with its
 * time; a standalone dated entry (stored at the day's midnight UTC) as its day.
 */
export function entryWhen(
  entry: Pick<ChartSummary, 'kind' | 'occurredAt' | 'encounterId'>,
  language: Language,
): string {
  const dated = entry.kind !== 'encounter' && entry.encounterId === null;
  if (dated) return formatDay(entry.occurredAt.slice(0, 10), language);
  return formatInstant(entry.occurredAt, language);
}
