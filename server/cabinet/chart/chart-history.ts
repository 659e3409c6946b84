import type { Knex } from 'knex';
import type { CabinetHistoryPage } from '../../../shared/cabinet/chart-api';
import type { ChartCursor, ChartFilter } from '../../../shared/chart/chart-views';
import { toRecord } from '../../db/values';
import { cardRestrictions } from '../../rights/chart-access/cabinet-restrictions';
import type { ChartCard } from './chart-card';
import { staffNames, summaryView, type Data } from './chart-rows';

/**
 * The cabinet's «Мои карты»: the card's history newest first, the desk's filters, a page at a
 * time after a keyset cursor — read along `records_chart_history` (server migration 0011:
 * clinic, patient, occurred_at DESC, id), so a long history costs a page, not the whole chart.
 * Text search (a code prefix, or every word a prefix of a word of the summary, ё = е, any order)
 * is weighed here, page by page, because the server's collation folds only Latin letters. A
 * search or a diagnosis filter never matches a removed entry: its content is not the patient's
 * to see any more, not even as a hit.
 */
const scanBatch = 500;

const fold = (value: string) => value.toLowerCase().replaceAll('ё', 'е');
const wordsOf = (value: string) =>
  fold(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Whether a row's code or summary answers the search text. */
export function matchesText(data: Data, text: string): boolean {
  const query = fold(text.trim());
  if (query === '') return true;
  const code = typeof data.code === 'string' ? fold(data.code) : '';
  if (code !== '' && code.startsWith(query)) return true;
  const words = wordsOf(typeof data.summary === 'string' ? data.summary : '');
  return wordsOf(query).every((wanted) => words.some((word) => word.startsWith(wanted)));
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);

/** `data->>'field' IN (…)`, one placeholder per value. */
function fieldIn(query: Knex.QueryBuilder, field: string, values: readonly string[]): void {
  query.whereRaw(`data->>'${field}' IN (${values.map(() => '?').join(', ')})`, [...values]);
}

function filtered(
  db: Knex,
  card: ChartCard,
  filter: ChartFilter,
  after: ChartCursor | null,
  hidden: readonly string[],
): Knex.QueryBuilder {
  const query = db('records')
    .where({ table_name: 'chart_entries', clinic_id: card.clinicId })
    .whereRaw("data->>'patient_id' = ?", [card.patientId]);
  // Restricted entries (F4) are not the patient's to see: absent from the timeline and its search.
  if (hidden.length > 0) query.whereNotIn('id', [...hidden]);
  if (filter.from !== null) query.whereRaw("data->>'occurred_at' >= ?", [filter.from]);
  if (filter.to !== null) query.whereRaw("data->>'occurred_at' < ?", [nextDay(filter.to)]);
  if (filter.visitTypes.length > 0) fieldIn(query, 'visit_type', filter.visitTypes);
  if (filter.kinds.length > 0) fieldIn(query, 'kind', filter.kinds);
  if (filter.doctorIds.length > 0) fieldIn(query, 'doctor_id', filter.doctorIds);
  if (filter.diagnosis !== '') {
    const prefix = filter.diagnosis.toUpperCase();
    fieldIn(query, 'kind', ['diagnosis', 'encounter']);
    query.whereRaw("left(data->>'code', ?) = ?", [prefix.length, prefix]);
  }
  if (filter.diagnosis !== '' || filter.text !== '' || !filter.includeDeleted)
    query.whereRaw("coalesce(data->>'deleted_at', '') = ''");
  if (after !== null)
    query.whereRaw("(data->>'occurred_at' < ? OR (data->>'occurred_at' = ? AND id > ?))", [
      after.occurredAt,
      after.occurredAt,
      after.id,
    ]);
  return query.orderByRaw("data->>'occurred_at' DESC, id ASC");
}

export async function cabinetHistory(
  db: Knex,
  card: ChartCard,
  filter: ChartFilter,
  after: ChartCursor | null,
  limit: number,
): Promise<CabinetHistoryPage> {
  const restrictions = await cardRestrictions(db, card);
  // The whole chart restricted: nothing of it is shown, and the patient is told why (the law).
  if (restrictions.wholeChart !== null) return { items: [], next: null, withheld: restrictions.wholeChart };
  const hidden = [...restrictions.entries];
  const found: { id: string; data: Data }[] = [];
  let cursor = after;
  const batch = filter.text === '' ? limit + 1 : scanBatch;
  for (;;) {
    const rows = await filtered(db, card, filter, cursor, hidden)
      .limit(batch)
      .select<{ id: string; data: unknown }[]>('id', 'data');
    for (const row of rows) {
      const data = toRecord(row.data);
      if (matchesText(data, filter.text)) found.push({ id: row.id, data });
      if (found.length > limit) break;
    }
    const last = rows.at(-1);
    if (found.length > limit || rows.length < batch || !last) break;
    cursor = { occurredAt: String(toRecord(last.data).occurred_at), id: last.id };
  }
  const page = found.slice(0, limit);
  const names = await staffNames(
    db,
    card.clinicId,
    page.map((row) => row.data.doctor_id),
  );
  const tail = page.at(-1);
  return {
    items: page.map((row) => summaryView(row.id, row.data, names)),
    next: found.length > limit && tail ? { occurredAt: String(tail.data.occurred_at ?? ''), id: tail.id } : null,
  };
}
