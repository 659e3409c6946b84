import { randomBytes } from 'node:crypto';
import type { CallInput, CallName, CallOutput } from '../../shared/api/contract';
import type { ApiEnvelope } from '../../shared/api/facade';
import type { Role } from '../../shared/auth/permissions';
import { SoftwareAuthenticator } from './software-authenticator';

/** A contract call over any transport: the core's dispatch, HTTP to the browser host. */
export type CallApi = (name: CallName, input: unknown) => Promise<ApiEnvelope<unknown>>;

/** Calls and unwraps, failing the test with the refusal's code where one was not expected. */
export async function expectOk<N extends CallName>(api: CallApi, name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await api(name, input);
  if (!result.ok) throw new Error(`${name} was refused: ${result.error.code} ${result.error.message.en}`);
  return result.data as CallOutput<N>;
}

export interface StaffMember {
  id: string;
  login: string;
  password: string;
  role: Role;
  key: SoftwareAuthenticator;
  recoveryCodes: string[];
}

/** A password that meets the policy, different every time. */
export function strongTestPassword(): string {
  return `Kx${randomBytes(6).toString('hex')}#7q`;
}

/**
 * The first run of a desk, through the contract as the screens do it: the first admin with a
 * key (the software authenticator, at the host's origin). The admin stays signed in.
 */
export async function setUpFirstAdmin(api: CallApi, origin: string): Promise<StaffMember> {
  const login = 'admin';
  const password = strongTestPassword();
  const setup = await expectOk(api, 'auth.setupFirstAdmin', { login, displayName: 'Админова Анна', password });
  const id = setup.session.actor?.id ?? '';
  const key = new SoftwareAuthenticator({ origin });
  await enrolKeyFor(api, id, key);
  return { id, login, password, role: 'admin', key, recoveryCodes: setup.recoveryCodes };
}

export async function enrolKeyFor(
  api: CallApi,
  staffId: string,
  key: SoftwareAuthenticator,
  name = 'Основной',
): Promise<void> {
  const step = await expectOk(api, 'account.beginKeyEnrolment', { staffId });
  await expectOk(api, 'account.finishKeyEnrolment', {
    attemptId: step.attemptId,
    name,
    answer: await key.create(step.publicKey),
  });
}

/** The signed-in admin adds a person and enrols their key with them at the desk. */
export async function addStaff(
  api: CallApi,
  origin: string,
  role: Role,
  login: string,
  displayName: string,
): Promise<StaffMember> {
  const password = strongTestPassword();
  const created = await expectOk(api, 'staff.create', { login, displayName, role, password });
  const key = new SoftwareAuthenticator({ origin });
  await enrolKeyFor(api, created.staff.id, key);
  return { id: created.staff.id, login, password, role, key, recoveryCodes: created.recoveryCodes };
}

/** Password, then the key's touch; a password the admin set is replaced at once. */
export async function signIn(api: CallApi, person: StaffMember): Promise<CallOutput<'session.whoami'>> {
  const step = await expectOk(api, 'auth.beginSignIn', { login: person.login, password: person.password });
  if (!step.publicKey) throw new Error(`${person.login} has no key`);
  let session = await expectOk(api, 'auth.finishSignIn', {
    attemptId: step.attemptId,
    answer: await person.key.get(step.publicKey),
  });
  if (session.mustChangePassword) {
    const newPassword = strongTestPassword();
    session = await expectOk(api, 'account.changePassword', { currentPassword: person.password, newPassword });
    person.password = newPassword;
  }
  return session;
}

/** A desk with its first admin and one person of `role` signed in: what most tests start from. */
export async function signedInAs(
  api: CallApi,
  origin: string,
  role: Role,
): Promise<{ admin: StaffMember; person: StaffMember }> {
  const admin = await setUpFirstAdmin(api, origin);
  const person = role === 'admin' ? admin : await addStaff(api, origin, role, `${role}.one`, 'Сотрудникова Софья');
  await expectOk(api, 'auth.signOut', {});
  await signIn(api, person);
  return { admin, person };
}
