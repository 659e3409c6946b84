import type { ServiceContext } from '../../electron/core/context';
import {
  saveException,
  savePattern,
  saveRoom,
  saveServiceType,
  saveSpecialist,
} from '../../electron/services/appointments/save-schedule';
import { importDictionary } from '../../electron/services/dictionaries/import-dictionary';
import { localInstant } from '../../shared/appointments/local-time';
import { clinicTimeZone, type WorkPattern } from '../../shared/appointments/schedule';
import { importDocumentDictionaries } from './document-dictionaries';
import type { TempDesk } from './temp-desk';

/**
 * A small clinic's schedule on a temp desk (issue 13), written through the schedule's services as
 * a senior clerk would: the 2026 production calendar, a few real НСИ codes (specialties 1066,
 * positions 1002, services 1070) imported as their dictionaries, two rooms, four services and two
 * specialists with weekly patterns. The temp desk's clock says Wednesday 25.11.2026, 12:00 Moscow.
 *
 * - Смирнова Ольга Ивановна, терапевт, кабинет 101: Mon–Fri 09:00–15:00, break 12:00–12:30,
 *   every service (the primary visit 20 min, the repeat 15 min, a remote repeat 15 min).
 * - Кузнецов Андрей Петрович, хирург, кабинет 205: Mon, Wed, Fri 10:00–16:00, the surgeon's
 *   primary visit only (30 min, at most 6 a day); Tue and Thu 14:00–18:00 in кабинет 101.
 */

/** The НСИ entries the fixture's schedule names (real codes and names of the ministry's dictionaries). */
export const fixtureCodes = {
  specialties: [
    { code: '27', name: 'Терапия' },
    { code: '30', name: 'Хирургия' },
  ],
  positions: [
    { code: '109', name: 'Врач-терапевт' },
    { code: '122', name: 'Врач-хирург' },
  ],
  services: [
    { code: 'B01.047.001', name: 'Прием (осмотр, консультация) врача-терапевта первичный' },
    { code: 'B01.047.002', name: 'Прием (осмотр, консультация) врача-терапевта повторный' },
    { code: 'B01.057.001', name: 'Прием (осмотр, консультация) врача-хирурга первичный' },
  ],
} as const;

export interface ScheduleFixture {
  rooms: { room101: string; room205: string };
  services: { therapistFirst: string; therapistRepeat: string; therapistRemote: string; surgeonFirst: string };
  specialists: { therapist: string; surgeon: string };
  /** The senior clerk's context the fixture wrote with (to add exceptions, patterns). */
  manager: ServiceContext;
}

/** The context of `desk` acting as `role` (the temp desk's actor with another role). */
export function actingAs(desk: TempDesk, role: ServiceContext['actor']['role']): ServiceContext {
  return { ...desk.ctx, actor: { ...desk.ctx.actor, role } };
}

/** The fixture's dictionaries: the 2026 calendar and the schedule's НСИ codes (as the administrator imports them). */
export function importScheduleDictionaries(desk: TempDesk): void {
  importScheduleDictionariesAt(desk.ctx);
}

/** The same on any desk's context (an end-to-end test's browser host). */
export function importScheduleDictionariesAt(ctx: ServiceContext): void {
  importDocumentDictionaries(ctx);
  const admin: ServiceContext = { ...ctx, actor: { ...ctx.actor, role: 'admin' } };
  for (const [name, rows] of Object.entries(fixtureCodes))
    importDictionary(
      admin,
      name,
      '1.0',
      rows.map((row) => ({ code: row.code, name: row.name, data: {} })),
    );
}

/** The instant of `HH:MM` on `date` in the clinic's zone (Moscow). */
export function at(date: string, hhmm: string): string {
  return localInstant(date, hhmm, clinicTimeZone);
}

const since = '2026-01-01';

/** Writes the clinic described above; `therapistStaffId` links the therapist to a doctor's account (own day list). */
export function seedSchedule(desk: TempDesk, options: { therapistStaffId?: string } = {}): ScheduleFixture {
  importScheduleDictionaries(desk);
  const manager = actingAs(desk, 'senior_clerk');
  const room101 = saveRoom(manager, { name: 'Кабинет 101', active: true }).id;
  const room205 = saveRoom(manager, { name: 'Кабинет 205', active: true }).id;
  const service = (serviceCode: string, name: string, durationMin: number, extra: object = {}) =>
    saveServiceType(manager, {
      serviceCode,
      name,
      durationMin,
      mode: 'in_person',
      dailyLimit: null,
      instructions: null,
      active: true,
      ...extra,
    }).id;
  const services = {
    therapistFirst: service('B01.047.001', 'Приём терапевта первичный', 20, {
      instructions: 'Возьмите паспорт и полис ОМС',
    }),
    therapistRepeat: service('B01.047.002', 'Приём терапевта повторный', 15),
    therapistRemote: service('B01.047.002', 'Повторная консультация терапевта (видео)', 15, { mode: 'remote' }),
    surgeonFirst: service('B01.057.001', 'Приём хирурга первичный', 30, { dailyLimit: 6 }),
  };
  const specialist = (
    displayName: string,
    specialtyCode: string,
    positionCode: string,
    roomId: string,
    staffId?: string,
  ) =>
    saveSpecialist(manager, {
      staffId: staffId ?? null,
      displayName,
      specialtyCode,
      positionCode,
      department: 'Поликлиника',
      roomId,
      active: true,
    }).id;
  const specialists = {
    therapist: specialist('Смирнова Ольга Ивановна', '27', '109', room101, options.therapistStaffId),
    surgeon: specialist('Кузнецов Андрей Петрович', '30', '122', room205),
  };
  const pattern = (draft: Omit<WorkPattern, 'id' | 'validFrom' | 'validTo'>) =>
    savePattern(manager, { ...draft, validFrom: since, validTo: null });
  for (const weekday of [1, 2, 3, 4, 5])
    pattern({
      specialistId: specialists.therapist,
      roomId: null,
      weekday,
      starts: '09:00',
      ends: '15:00',
      breaks: [{ starts: '12:00', ends: '12:30' }],
      serviceTypeIds: null,
    });
  for (const weekday of [1, 3, 5])
    pattern({
      specialistId: specialists.surgeon,
      roomId: null,
      weekday,
      starts: '10:00',
      ends: '16:00',
      breaks: [],
      serviceTypeIds: [services.surgeonFirst],
    });
  for (const weekday of [2, 4])
    pattern({
      specialistId: specialists.surgeon,
      roomId: room101,
      weekday,
      starts: '14:00',
      ends: '18:00',
      breaks: [],
      serviceTypeIds: [services.surgeonFirst],
    });
  return { rooms: { room101, room205 }, services, specialists, manager };
}

/** A leave, sickness, day off or one-off hours of a specialist (null: the whole clinic) from `fromDate` to `toDate`. */
export function addException(
  fixture: ScheduleFixture,
  draft: {
    specialistId: string | null;
    kind: 'leave' | 'sickness' | 'closed' | 'hours';
    fromDate: string;
    toDate: string;
    starts?: string;
    ends?: string;
  },
): string {
  return saveException(fixture.manager, {
    specialistId: draft.specialistId,
    kind: draft.kind,
    fromDate: draft.fromDate,
    toDate: draft.toDate,
    starts: draft.starts ?? null,
    ends: draft.ends ?? null,
    note: null,
  }).id;
}
