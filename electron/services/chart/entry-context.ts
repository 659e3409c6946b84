import { ageOn, isoDay } from '../../../shared/domain/calendar-date';
import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../../core/context';
import type { ReadTx } from '../../store/open-store';

/** What the chart's rules need of the patient. */
export interface ChartPatient {
  id: string;
  birthDate: string;
}

/** A card the chart may hold entries for: it exists, has no tombstone and was not merged into another. */
export function requireChartPatient(tx: ReadTx, patientId: string, field = 'patientId'): ChartPatient {
  const row = tx.get<{ birth_date: string; deleted_at: string | null; merged_into: string | null }>(
    'SELECT birth_date, deleted_at, merged_into FROM patients WHERE id = ?',
    [patientId],
  );
  if (!row || row.deleted_at !== null || row.merged_into !== null) throw new AppError('patient.not_found', { field });
  return { id: patientId, birthDate: row.birth_date };
}

/** The desk's "now": the instant, and the day in the desk's time zone. */
export interface DeskNow {
  at: string;
  today: string;
}

export function deskNow(ctx: Pick<ServiceContext, 'clock' | 'timeZone'>): DeskNow {
  const now = ctx.clock.now();
  return { at: now.toISOString(), today: isoDay(now, ctx.timeZone) };
}

/** Whole years on `day` (never below 0: a day before birth is refused elsewhere). */
export function ageYearsOn(patient: ChartPatient, day: string): number {
  return Math.max(0, ageOn(patient.birthDate, day));
}
