import { randomBytes, randomInt } from 'node:crypto';
import { expect } from 'vitest';
import { AppError, toApiError, type ApiError } from '../../../shared/errors/app-error';
import type { Actor } from '../../../electron/store/actor';
import type { Clock } from '../../../electron/store/clock';
import { relyingParty, sessionActor, type AuthContext, type StaffSession } from '../../../electron/auth/auth-context';
import { setupFirstAdmin } from '../../../electron/auth/first-admin';
import { beginKeyEnrolment, finishKeyEnrolment } from '../../../electron/auth/key-enrolment';
import { finishSignIn } from '../../../electron/auth/key-step';
import { beginSignIn } from '../../../electron/auth/password-step';
import { SoftwareAuthenticator } from '../../support/software-authenticator';
import { ensureWorkstation } from '../../../electron/core/workstation';
import { fixedClock, openTempDesk, type TempDesk } from '../../support/temp-desk';

export const origin = 'http://localhost:4780';

/** A clock the test moves by hand. */
export interface MovableClock extends Clock {
  advance(ms: number): void;
}

export function movableClock(start: Date): MovableClock {
  let time = start.getTime();
  return { now: () => new Date(time), advance: (ms) => void (time += ms) };
}

export interface AuthDesk {
  desk: TempDesk;
  auth: AuthContext;
  clock: MovableClock;
  cleanup(): Promise<void>;
}

/** A real SQLCipher desk with the sign-in services' context over it, at a clock the test moves. */
export async function openAuthDesk(): Promise<AuthDesk> {
  return authDeskOver(await openTempDesk(), movableClock(fixedClock.now()));
}

/**
 * The sign-in services over a desk already open (a sync test's), with its setup account as the
 * actor of attempts and the same relying party as every other test desk.
 */
export function authDeskOver(desk: TempDesk, clock: MovableClock): AuthDesk {
  const auth: AuthContext = {
    store: desk.store,
    clock,
    desk: ensureWorkstation(desk.store, clock.now()),
    rp: relyingParty({ rpId: 'localhost', origin }),
    timeZone: 'Europe/Moscow',
  };
  return { desk, auth, clock, cleanup: () => desk.cleanup() };
}

/** A password that meets the policy, different every time. */
export function strongPassword(): string {
  return `Kx${randomBytes(6).toString('hex')}#${randomInt(10)}q`;
}

export function newLogin(prefix = 'user'): string {
  return `${prefix}.${randomBytes(4).toString('hex')}`;
}

export interface Person {
  session: StaffSession;
  actor: Actor;
  login: string;
  password: string;
  key: SoftwareAuthenticator;
  recoveryCodes: string[];
}

/** First run: the admin, with a software key enrolled under the name "Основной". */
export async function firstAdminWithKey(h: AuthDesk): Promise<Person> {
  const login = newLogin('admin');
  const password = strongPassword();
  const { session, recoveryCodes } = await setupFirstAdmin(h.auth, { login, displayName: 'Админ Админов', password });
  const actor = sessionActor(session, h.auth.desk);
  const key = new SoftwareAuthenticator({ origin });
  await enrolKey(h, actor, session.staffId, key, 'Основной');
  return { session, actor, login, password, key, recoveryCodes };
}

export async function enrolKey(h: AuthDesk, actor: Actor, staffId: string, key: SoftwareAuthenticator, name: string) {
  const step = await beginKeyEnrolment(h.auth, actor, { staffId });
  const answer = await key.create(step.publicKey);
  return finishKeyEnrolment(h.auth, actor, { attemptId: step.attemptId, name, answer });
}

/** Password, then the key's touch: the whole sign-in. */
export async function signIn(
  h: AuthDesk,
  login: string,
  password: string,
  key: SoftwareAuthenticator,
): Promise<StaffSession> {
  const step = await beginSignIn(h.auth, { login, password });
  if (!step.publicKey) throw new Error('No key was asked for');
  const answer = await key.get(step.publicKey);
  return finishSignIn(h.auth, { attemptId: step.attemptId, answer });
}

/** The refusal a call ended with, as the UI would receive it. */
export async function refusal(call: Promise<unknown> | (() => unknown)): Promise<ApiError> {
  try {
    await (typeof call === 'function' ? call() : call);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return toApiError(error as AppError);
  }
  throw new Error('The call succeeded but a refusal was expected');
}

export interface AuditRow {
  action: string;
  actor_id: string;
  details: Record<string, unknown>;
}

export function auditEvents(h: AuthDesk, prefix = 'auth.'): AuditRow[] {
  return h.auth.store.transaction((tx) =>
    tx
      .all<{ action: string; actor_id: string; details: string }>(
        'SELECT action, actor_id, details FROM audit_events WHERE action LIKE ? ORDER BY seq',
        [`${prefix}%`],
      )
      .map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> })),
  );
}
