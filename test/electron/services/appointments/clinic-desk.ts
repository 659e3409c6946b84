import type { Role } from '../../../../shared/auth/permissions';
import type { ApiError } from '../../../../shared/errors/app-error';
import { createDispatcher } from '../../../../electron/core/dispatcher';
import type { ServiceContext } from '../../../../electron/core/context';
import type { Clock } from '../../../../electron/store/clock';
import { insertPerson } from '../../../../electron/auth/person-rows';
import { seedSchedule, type ScheduleFixture } from '../../../support/appointment-fixtures';
import { validSnils } from '../../../support/fixtures';
import { enrolPatient, openTempDesk, type TempDesk } from '../../../support/temp-desk';

/** A temp desk with the fixture's schedule and a few patients, called through the dispatcher as any role. */
export interface ClinicDesk {
  desk: TempDesk;
  fixture: ScheduleFixture;
  patients: string[];
  /** The call's data as `role`, at the desk's clock or `clock`; a refusal throws with its code. */
  call<T = Record<string, unknown>>(role: Role, name: string, input: unknown, clock?: Clock): Promise<T>;
  /** The refusal of a call that must be refused (a success fails the test). */
  refusal(role: Role, name: string, input: unknown, clock?: Clock): Promise<ApiError>;
}

const people = [
  { surname: 'Орлова', name: 'Мария', patronymic: 'Сергеевна', birthDate: '1975-06-01', body: '112233445' },
  { surname: 'Белов', name: 'Игорь', patronymic: 'Андреевич', birthDate: '1990-02-11', body: '123456781' },
  { surname: 'Ким', name: 'Виктор', patronymic: null, birthDate: '2001-09-30', body: '134679258' },
] as const;

/**
 * The clinic's desk; with `therapistIsDoctor`, the therapist is a doctor's account on it, and
 * calls as `doctor` are that person's.
 */
export async function openClinicDesk(
  options: { therapistIsDoctor?: boolean } = {},
): Promise<ClinicDesk & { doctorId: string | null }> {
  const desk = await openTempDesk();
  const doctorId = options.therapistIsDoctor
    ? desk.store.transaction((tx) =>
        insertPerson(tx, desk.ctx.actor, desk.ctx.clock.now().toISOString(), {
          login: 'smirnova.o',
          displayName: 'Смирнова Ольга Ивановна',
          role: 'doctor',
          passwordHash: 'not-used',
          mustChangePassword: true,
        }),
      )
    : null;
  const fixture = seedSchedule(desk, doctorId === null ? {} : { therapistStaffId: doctorId });
  const patients: string[] = [];
  for (const person of people)
    patients.push(
      await enrolPatient(desk, {
        surname: person.surname,
        name: person.name,
        patronymic: person.patronymic ?? undefined,
        birthDate: person.birthDate,
        sex: person.surname.endsWith('а') ? 'female' : 'male',
        snils: validSnils(person.body),
      }),
    );
  const dispatchAs = (role: Role, clock?: Clock) => {
    const staffId = role === 'doctor' && doctorId !== null ? doctorId : desk.ctx.actor.staffId;
    const actor = { ...desk.ctx.actor, role, staffId };
    const ctx: ServiceContext = { ...desk.ctx, actor, ...(clock ? { clock } : {}) };
    return createDispatcher(() => ctx, { internal: ({ error }) => console.error(error) });
  };
  return {
    desk,
    doctorId,
    fixture,
    patients,
    call: async (role, name, input, clock) => {
      const result = await dispatchAs(role, clock)(name, input);
      if (!result.ok) throw new Error(`${name} refused: ${JSON.stringify(result.error)}`);
      return result.data as never;
    },
    refusal: async (role, name, input, clock) => {
      const result = await dispatchAs(role, clock)(name, input);
      if (result.ok) throw new Error(`${name} was not refused: ${JSON.stringify(result.data)}`);
      return result.error;
    },
  };
}

/** A clock fixed at `instant`. */
export function clockAt(instant: string): Clock {
  return { now: () => new Date(instant) };
}
