import type { ServiceContext } from '../../../../../electron/core/context';
import { createDispatcher } from '../../../../../electron/core/dispatcher';
import { fixedActorContext } from '../../../../../electron/core/fixed-actor-context';
import { actorOf } from '../../../../../electron/core/session-context';
import { createPatient } from '../../../../../electron/services/patients/create-patient';
import type { CallInput, CallName, CallOutput } from '../../../../../shared/api/contract';
import { patientDraftSchema } from '../../../../../shared/domain/patient';
import { movableClock, type MovableClock } from '../../../auth/auth-harness';
import { importChartDictionaries } from '../../../../support/chart-fixtures';
import { draft } from '../../../../support/fixtures';
import {
  addStaff,
  expectOk,
  setUpFirstAdmin,
  signIn,
  type CallApi,
  type StaffMember,
} from '../../../../support/staff-over-api';
import { fixedClock, openTempDesk, type TempDesk } from '../../../../support/temp-desk';

const origin = 'http://localhost';

/**
 * A real desk where people sign in through the contract with their keys (the software
 * authenticator): two doctors — `team` writes in the patient's chart, `outsider` does not — and
 * an auditor; the clock moves at the test's word.
 */
export interface AccessDesk {
  desk: TempDesk;
  clock: MovableClock;
  api: CallApi;
  patientId: string;
  team: StaffMember;
  outsider: StaffMember;
  auditor: StaffMember;
  admin: StaffMember;
  /** Signs the current person out and `person` in (password and key). */
  as(person: StaffMember): Promise<void>;
  ok<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  /** A key touch for break-the-glass: the challenge of `auth.beginReauthentication`, answered by `key`. */
  touch(person: StaffMember): Promise<{ attemptId: string; answer: unknown }>;
  cleanup(): Promise<void>;
}

export async function openAccessDesk(): Promise<AccessDesk> {
  const desk = await openTempDesk();
  const clock = movableClock(fixedClock.now());
  const ctx: ServiceContext = fixedActorContext({ store: desk.store, clock, actor: desk.ctx.actor });
  importChartDictionaries(ctx, { medicines: false, formulary: false });
  const clerk = { ...ctx, actor: { ...ctx.actor, role: 'clerk' as const } };
  const patientId = createPatient(clerk, patientDraftSchema.parse(draft())).id;
  ctx.session.signOut();
  const dispatch = createDispatcher(() => ({ ...ctx, actor: actorOf(ctx.session.read(clock.now()), ctx.auth) }), {
    internal: () => undefined,
  });
  const api: CallApi = (name, input) => dispatch(name, input);
  const admin = await setUpFirstAdmin(api, origin);
  const team = await addStaff(api, origin, 'doctor', 'team.doctor', 'Лечащая Ольга Петровна');
  const outsider = await addStaff(api, origin, 'doctor', 'other.doctor', 'Дежурный Игорь Сергеевич');
  const auditor = await addStaff(api, origin, 'auditor', 'auditor.one', 'Ревизорова Мария');
  const as = async (person: StaffMember) => {
    await expectOk(api, 'auth.signOut', {});
    await signIn(api, person);
  };
  return {
    desk,
    clock,
    api,
    patientId,
    team,
    outsider,
    auditor,
    admin,
    as,
    ok: (name, input) => expectOk(api, name, input),
    touch: async (person) => {
      const step = await expectOk(api, 'auth.beginReauthentication', {});
      return { attemptId: step.attemptId, answer: await person.key.get(step.publicKey) };
    },
    cleanup: () => desk.cleanup(),
  };
}
