import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { cabinetSessionCookie, csrfHeader, type CabinetStage } from '../../../shared/cabinet/cabinet-api';
import { HttpError } from '../../http/http-error';
import { installCodeKey } from '../accounts/one-time-codes';
import type { CabinetDeps } from '../cabinet-deps';
import type { CabinetSession } from './cabinet-session-types';

const minute = 60_000;
const hour = 60 * minute;

/** How long a session lives: idle (since its last request) and absolute (since it opened). */
export const sessionLifetimes: Record<CabinetStage, { idleMs: number; absoluteMs: number }> = {
  // Registered, not yet activated: long enough to follow the application's links over days.
  applicant: { idleMs: 7 * 24 * hour, absoluteMs: 7 * 24 * hour },
  patient: { idleMs: 30 * minute, absoluteMs: 12 * hour },
};

/** How stale `last_seen_at` may get before a request moves it on. */
const lastSeenStepMs = minute;

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** The named cookie's value from a Cookie header (RFC 6265 pairs); undefined when absent. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    if (pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

interface SessionRow {
  id_hash: string;
  account_id: string;
  clinic_id: string;
  stage: CabinetStage;
  csrf_token: string;
  last_seen_at: Date | string;
  expires_at: Date | string;
  patient_id: string | null;
}

/** The live session a cookie's value opens, with its CSRF token; undefined when none (ended, expired, unknown). */
async function liveSession(db: Knex, value: string, now: Date): Promise<CabinetSession | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(value)) return undefined;
  const row = (await db('cabinet_sessions as s')
    .join('cabinet_accounts as a', 'a.id', 's.account_id')
    .where('s.id_hash', sha256Hex(value))
    .whereNull('s.ended_at')
    .first(
      's.id_hash',
      's.account_id',
      's.clinic_id',
      's.stage',
      's.csrf_token',
      's.last_seen_at',
      's.expires_at',
      'a.patient_id',
    )) as SessionRow | undefined;
  if (!row) return undefined;
  const lifetime = sessionLifetimes[row.stage];
  const idleEnd = new Date(row.last_seen_at).getTime() + lifetime.idleMs;
  if (now.getTime() >= new Date(row.expires_at).getTime() || now.getTime() >= idleEnd) {
    await db('cabinet_sessions').where({ id_hash: row.id_hash }).whereNull('ended_at').update({ ended_at: now });
    return undefined;
  }
  // Marked seen at most once a minute: the idle limits are 30 minutes and more, and a page's
  // every request (each GET /me) need not be a write.
  if (now.getTime() - new Date(row.last_seen_at).getTime() >= lastSeenStepMs)
    await db('cabinet_sessions').where({ id_hash: row.id_hash }).update({ last_seen_at: now });
  return {
    idHash: row.id_hash,
    accountId: row.account_id,
    clinicId: row.clinic_id,
    stage: row.stage,
    patientId: row.patient_id,
    csrfToken: row.csrf_token,
  };
}

/**
 * Resolves the session cookie (and checks the CSRF token of writes) on every cabinet route.
 * A write with a session must carry `x-csrf-token` equal to the session's token (403
 * cabinet.csrf); a write without one (register, sign-in, confirm links, activation) must come
 * from the cabinet's own origin or from no browser at all (no Origin header) — 403 cabinet.origin.
 */
export function installCabinetSessions(scope: FastifyInstance, deps: CabinetDeps): void {
  const ownOrigin = new URL(deps.publicUrl).origin;
  installCodeKey(deps.db, deps.masterKey);
  scope.addHook('onRequest', async (request) => {
    const value = cookieValue(request.headers.cookie, cabinetSessionCookie);
    const live = value === undefined ? undefined : await liveSession(deps.db, value, deps.now());
    if (!writeMethods.has(request.method)) {
      if (live) request.cabinetSession = live;
      return;
    }
    if (live) {
      const sent = request.headers[csrfHeader];
      if (typeof sent !== 'string' || !sameText(sent, live.csrfToken)) throw new HttpError(403, 'cabinet.csrf');
      request.cabinetSession = live;
      return;
    }
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== ownOrigin) throw new HttpError(403, 'cabinet.origin');
  });
}

/** The request's session; 401 cabinet.session.none without one. */
export function cabinetSessionOf(request: FastifyRequest): CabinetSession {
  if (!request.cabinetSession) throw new HttpError(401, 'cabinet.session.none');
  return request.cabinetSession;
}

/** The session, when it may do everything (signed in after activation); 403 cabinet.session.stage otherwise. */
export function requirePatientStage(session: CabinetSession): CabinetSession {
  if (session.stage !== 'patient') throw new HttpError(403, 'cabinet.session.stage');
  return session;
}

/** Opens a session: the cookie's value (to set) and its CSRF token; only the value's hash is stored. */
export async function openCabinetSession(
  db: Knex,
  opening: { accountId: string; clinicId: string; stage: CabinetStage },
  now: Date,
): Promise<{ cookieValue: string; csrfToken: string }> {
  const value = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db('cabinet_sessions').insert({
    id_hash: sha256Hex(value),
    account_id: opening.accountId,
    clinic_id: opening.clinicId,
    stage: opening.stage,
    csrf_token: csrfToken,
    created_at: now,
    last_seen_at: now,
    expires_at: new Date(now.getTime() + sessionLifetimes[opening.stage].absoluteMs),
  });
  return { cookieValue: value, csrfToken };
}

function cookieAttributes(deps: Pick<CabinetDeps, 'secureCookies'>): string {
  return `Path=/; HttpOnly; SameSite=Strict${deps.secureCookies ? '; Secure' : ''}`;
}

/** Sets the session cookie (a browser-session cookie: the server ends it by time). */
export function setSessionCookie(reply: FastifyReply, value: string, deps: Pick<CabinetDeps, 'secureCookies'>): void {
  void reply.header('set-cookie', `${cabinetSessionCookie}=${value}; ${cookieAttributes(deps)}`);
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(reply: FastifyReply, deps: Pick<CabinetDeps, 'secureCookies'>): void {
  void reply.header('set-cookie', `${cabinetSessionCookie}=; Max-Age=0; ${cookieAttributes(deps)}`);
}

/** Ends one session (sign-out, or a stage change replacing it). */
export async function endCabinetSession(db: Knex, idHash: string, now: Date = new Date()): Promise<void> {
  await db('cabinet_sessions').where({ id_hash: idHash }).whereNull('ended_at').update({ ended_at: now });
}

/** Ends every live session of the account (sign-out everywhere, a new password, a lock by the clinic). */
export async function endAllCabinetSessions(db: Knex, accountId: string, now: Date = new Date()): Promise<void> {
  await db('cabinet_sessions').where({ account_id: accountId }).whereNull('ended_at').update({ ended_at: now });
}
