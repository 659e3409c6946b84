import { moscowDay } from '../../../shared/domain/application-deadline';
import type { FastifyBaseLogger } from 'fastify';
import type { Knex } from 'knex';
import { businessCalendar, type BusinessCalendar, type CalendarYear } from '../../../shared/domain/business-days';
import { parseCalendarXml } from '../../../shared/domain/calendar-xml';
import { readChunks } from '../../blobs/blob-store';
import { toNumber, toRecord } from '../../db/values';

/**
 * The production calendar as the server knows it: the clinic's published `calendar-ru/YYYY`
 * dictionary releases (synced rows of `dictionary_releases`, their file a blob), the newest
 * release of each year. A year the clinic never published is counted as weekends only — the
 * deadline is still computed, a holiday is then a working day — and a warning says so, once per
 * clinic and year in this process.
 */
const parsed = new Map<string, CalendarYear>();
const warned = new Set<string>();
/** A clinic's year as last looked up, kept a minute: a newly published release counts within one. */
const recent = new Map<string, { at: number; year: CalendarYear | undefined }>();
const recentMs = 60_000;

interface ReleaseRow {
  data: unknown;
}

async function publishedYear(
  db: Knex,
  blobKey: Buffer,
  clinicId: string,
  year: number,
): Promise<CalendarYear | undefined> {
  const row = await db('records')
    .where({ table_name: 'dictionary_releases', clinic_id: clinicId })
    .whereRaw("data->>'name' = ?", [`calendar-ru/${year}`])
    .orderByRaw("data->>'created_at' DESC")
    .first<ReleaseRow | undefined>('data');
  if (!row) return undefined;
  const data = toRecord(row.data);
  const sha256 = data.source_sha256;
  if (typeof sha256 !== 'string') return undefined;
  const cached = parsed.get(sha256);
  if (cached) return cached;
  const bytes = toNumber(data.source_bytes ?? 0);
  const parts: Buffer[] = [];
  for await (const part of readChunks(db, blobKey, { clinicId, sha256 }, 0, bytes - 1)) parts.push(part);
  const calendar = parseCalendarXml(Buffer.concat(parts).toString('utf8'), year);
  const kept: CalendarYear = {
    year: calendar.year,
    daysOff: calendar.daysOff,
    shortenedDays: calendar.shortenedDays,
    workingWeekendDays: calendar.workingWeekendDays,
  };
  parsed.set(sha256, kept);
  return kept;
}

export interface CalendarSource {
  db: Knex;
  /** The blobs' key (the server's master key). */
  blobKey: Buffer;
  log: Pick<FastifyBaseLogger, 'warn'>;
}

/** The clinic's calendar for `years` (each year published, or weekends only with a warning). */
export async function serverCalendar(
  source: CalendarSource,
  clinicId: string,
  years: readonly number[],
): Promise<BusinessCalendar> {
  const found: CalendarYear[] = [];
  for (const year of [...new Set(years)]) {
    const key = `${clinicId}:${year}`;
    let entry = recent.get(key);
    if (!entry || Date.now() - entry.at >= recentMs) {
      entry = { at: Date.now(), year: await publishedYear(source.db, source.blobKey, clinicId, year) };
      recent.set(key, entry);
    }
    const published = entry.year;
    if (published) {
      found.push(published);
      continue;
    }
    if (!warned.has(key)) {
      warned.add(key);
      source.log.warn(
        { clinicId, year },
        'no production calendar published for this year: application deadlines count weekends only',
      );
    }
    found.push({ year, daysOff: [], shortenedDays: [], workingWeekendDays: [] });
  }
  return businessCalendar(found);
}

/** The years a deadline from `at` may reach: its own and the next (the New Year holidays). */
export function deadlineYears(at: Date): number[] {
  const year = Number(moscowDay(at).slice(0, 4));
  return [year, year + 1];
}
