import type { FastifyBaseLogger } from 'fastify';
import type { Knex } from 'knex';
import { moscowDay } from '../../../shared/domain/application-deadline';
import { recordRequestNumber, recordRequestWorkingDays } from '../../../shared/rights/record-requests';
import type { ChangeLogWriter } from '../../sync/change-log';
import { deadlineYears, serverCalendar } from '../applications/server-calendar';

/**
 * The last day for the clinic's answer: `recordRequestWorkingDays` working days after the Moscow
 * day of `at`, by the clinic's production calendar (as an inaccuracy report's, chart-reports.ts).
 */
export async function recordRequestDueOn(
  source: { db: Knex; blobKey: Buffer; log: Pick<FastifyBaseLogger, 'warn'> },
  clinicId: string,
  at: Date,
): Promise<string> {
  const calendar = await serverCalendar(source, clinicId, deadlineYears(at));
  return calendar.addBusinessDays(moscowDay(at), recordRequestWorkingDays);
}

/**
 * The next number of the clinic's year («З-2026-000042»): one more than the year's highest. Taken
 * under the change log's lock (`withChangeLog` serialises every writer of synced rows, and only
 * the server writes requests: desks may not create them), so two confirmations at once take turns;
 * the unique index `records_record_request_number` (migration 0014) makes a repeat impossible
 * even so. The numbers are fixed-width, so the text order within a year is the number order.
 */
export async function nextRecordRequestNumber(log: ChangeLogWriter, year: number): Promise<string> {
  const first = recordRequestNumber(year, 0);
  const last = recordRequestNumber(year, 999_999);
  const row = await log
    .trx('records')
    .where({ table_name: 'record_requests', clinic_id: log.clinicId })
    .whereRaw("data->>'number' BETWEEN ? AND ?", [first, last])
    .orderByRaw("data->>'number' DESC")
    .first<{ number: string } | undefined>(log.trx.raw("data->>'number' AS number"));
  const count = row ? Number(row.number.slice(-6)) : 0;
  return recordRequestNumber(year, count + 1);
}
