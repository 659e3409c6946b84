import type { ScheduleView } from '../../../shared/api/appointments-calls';
import type { ScheduleSnapshot } from '../../../shared/appointments/schedule';
import type { ServiceContext } from '../../core/context';
import type { ReadTx } from '../../store/open-store';
import { readSchedule } from './schedule-rows';
import { chunks, placeholders } from './sql-list';

/** The НСИ dictionaries a specialist's codes come from (electron/services/dictionaries/). */
export const specialtiesDictionary = 'specialties';
export const positionsDictionary = 'positions';

/** Names of `codes` in the active version of `dictionary`; none when it is not imported. */
export function dictionaryNames(tx: ReadTx, dictionary: string, codes: readonly string[]): Map<string, string> {
  return new Map(
    chunks([...new Set(codes)]).flatMap((piece) =>
      tx
        .all<{ code: string; name: string }>(
          `SELECT e.code, e.name FROM dictionaries d
             JOIN dictionary_entries e ON e.dictionary = d.name AND e.version = d.version
            WHERE d.name = ? AND d.active = 1 AND e.code IN ${placeholders(piece)}`,
          [dictionary, ...piece],
        )
        .map((row) => [row.code, row.name] as const),
    ),
  );
}

/** The specialists with their specialty's and position's names from the НСИ (null: not in the imported version). */
export function namedSpecialists(
  tx: ReadTx,
  specialists: ScheduleSnapshot['specialists'],
): ScheduleView['specialists'] {
  const specialties = dictionaryNames(
    tx,
    specialtiesDictionary,
    specialists.map((s) => s.specialtyCode),
  );
  const positions = dictionaryNames(
    tx,
    positionsDictionary,
    specialists.map((s) => s.positionCode),
  );
  return specialists.map((s) => ({
    ...s,
    specialtyName: specialties.get(s.specialtyCode) ?? null,
    positionName: positions.get(s.positionCode) ?? null,
  }));
}

function viewOf(tx: ReadTx, schedule: ScheduleSnapshot): ScheduleView {
  return {
    specialists: namedSpecialists(tx, schedule.specialists),
    rooms: [...schedule.rooms],
    serviceTypes: [...schedule.serviceTypes],
    patterns: [...schedule.patterns],
    exceptions: [...schedule.exceptions],
  };
}

/**
 * What booking screens pick from (`appointments.options`): the active specialists, rooms and
 * services, and the patterns and exceptions of the active specialists (the clinic's own too).
 * Reference data, no patient's: not audited.
 */
export function scheduleOptions(ctx: Pick<ServiceContext, 'store'>): ScheduleView {
  return ctx.store.read((tx) => {
    const schedule = readSchedule(tx);
    const specialists = schedule.specialists.filter((s) => s.active);
    const ids = new Set(specialists.map((s) => s.id));
    return viewOf(tx, {
      specialists,
      rooms: schedule.rooms.filter((r) => r.active),
      serviceTypes: schedule.serviceTypes.filter((s) => s.active),
      patterns: schedule.patterns.filter((p) => ids.has(p.specialistId)),
      exceptions: schedule.exceptions.filter((e) => e.specialistId === null || ids.has(e.specialistId)),
    });
  });
}

/** The whole schedule, inactive items too (`schedules.get`, for those who manage it). */
export function wholeSchedule(ctx: Pick<ServiceContext, 'store'>): ScheduleView {
  return ctx.store.read((tx) => viewOf(tx, readSchedule(tx)));
}
