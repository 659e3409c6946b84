import { createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';

/**
 * The cabinet's one-time codes of every purpose (e-mail links, phone confirmation, sign-in, the
 * identity check, the simple e-signature), kept only as HMAC-SHA-256 under a key derived from the
 * server's master key: a copy of the database does not give the codes away, nor lets one test
 * guesses offline against 6 digits. Each code is spent once; 5 wrong tries lock it.
 */
export type CodeCheck = 'ok' | 'wrong' | 'expired' | 'used' | 'locked';

/** Wrong tries after which the latest code of a purpose stops being accepted. */
export const maxCodeAttempts = 5;

export function oneTimeCodeKey(masterKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'medcard cabinet one-time codes v1', 32));
}

/*
 * The key per database (issueCode and checkCode take only the database, a transaction of it too:
 * a transaction's client shares its parent's config object, so that object is the key).
 */
const keys = new WeakMap<object, Buffer>();

function configOf(db: Knex): object {
  return db.client.config as object;
}

/** Called once by the cabinet (installCabinetSessions) with the server's master key. */
export function installCodeKey(db: Knex, masterKey: Uint8Array): void {
  keys.set(configOf(db), oneTimeCodeKey(masterKey));
}

function keyFor(db: Knex): Buffer {
  const key = keys.get(configOf(db));
  if (!key) throw new Error('The cabinet has not installed its one-time code key on this database');
  return key;
}

/** The code's MAC (hex), bound to its purpose so a code of one purpose never answers another. */
export function codeMac(db: Knex, purpose: string, code: string): string {
  return createHmac('sha256', keyFor(db)).update(`${purpose}\n${code}`, 'utf8').digest('hex');
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

function digits(length: number): string {
  let code = '';
  for (let index = 0; index < length; index += 1) code += String(randomInt(10));
  return code;
}

export interface IssueCode {
  accountId: string;
  purpose: string;
  channel: string;
  /** Digits (6 unless said); 0 issues a 32-byte base64url token (e-mail links). */
  length?: number;
  ttlMs: number;
  /** The sign-in challenge the code answers. */
  challengeId?: string;
  now?: Date;
}

/**
 * A new code for the purpose: the earlier unspent ones of that purpose stop working. Returns the
 * clear code, to be sent (never stored).
 */
export async function issueCode(db: Knex, request: IssueCode): Promise<string> {
  const now = request.now ?? new Date();
  const length = request.length ?? 6;
  const code = length === 0 ? randomBytes(32).toString('base64url') : digits(length);
  await db('cabinet_codes')
    .where({ account_id: request.accountId, purpose: request.purpose })
    .whereNull('used_at')
    .update({ used_at: now });
  await db('cabinet_codes').insert({
    // Time-ordered (and monotonic in this process): the latest code wins a tie of created_at.
    id: uuidv7(),
    account_id: request.accountId,
    purpose: request.purpose,
    channel: request.channel,
    code_hash: codeMac(db, request.purpose, code),
    created_at: now,
    expires_at: new Date(now.getTime() + request.ttlMs),
    attempts: 0,
    challenge_id: request.challengeId ?? null,
  });
  return code;
}

interface CodeRow {
  id: string;
  code_hash: string;
  expires_at: Date | string;
  used_at: Date | string | null;
  attempts: number;
}

export interface CheckCode {
  accountId: string;
  purpose: string;
  code: string;
  /** Only a code issued for this challenge answers (sign-in). */
  challengeId?: string;
  now?: Date;
}

/**
 * Checks a code against the account's latest code of the purpose and spends it when right.
 * `used`: the code was right but already spent (a replay) or replaced by a newer one; `wrong`
 * counts a try, and the fifth wrong try (or any try after it) is `locked`.
 */
export async function checkCode(db: Knex, request: CheckCode): Promise<CodeCheck> {
  const now = request.now ?? new Date();
  const mac = codeMac(db, request.purpose, request.code.trim());
  const scope = db('cabinet_codes').where({ account_id: request.accountId, purpose: request.purpose });
  if (request.challengeId !== undefined) void scope.where({ challenge_id: request.challengeId });
  const latest = (await scope
    .clone()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .forUpdate()
    .first('id', 'code_hash', 'expires_at', 'used_at', 'attempts')) as CodeRow | undefined;
  if (!latest) {
    return 'wrong';
  }
  if (latest.attempts >= maxCodeAttempts) return 'locked';
  if (sameHex(latest.code_hash, mac)) {
    if (latest.used_at !== null) return 'used';
    if (now.getTime() >= new Date(latest.expires_at).getTime()) return 'expired';
    const spent = await db('cabinet_codes').where({ id: latest.id }).whereNull('used_at').update({ used_at: now });
    return spent === 1 ? 'ok' : 'used';
  }
  // An older code of the same purpose, right but replaced or spent: a replay.
  const older = (await scope.clone().where({ code_hash: mac }).first('id')) as { id: string } | undefined;
  if (older) return 'used';
  if (latest.used_at !== null) return 'wrong';
  const attempts = latest.attempts + 1;
  await db('cabinet_codes').where({ id: latest.id }).update({ attempts });
  return attempts >= maxCodeAttempts ? 'locked' : 'wrong';
}

/**
 * The code's row and account, found by its MAC alone: for codes that arrive without an account
 * (an e-mail link's token, a sign-in challenge). Only long random tokens are looked up this way.
 */
export async function codeOwner(
  db: Knex,
  purpose: string,
  code: string,
): Promise<{ id: string; accountId: string; expiresAt: Date; usedAt: Date | null } | undefined> {
  const row = (await db('cabinet_codes')
    .where({ purpose, code_hash: codeMac(db, purpose, code.trim()) })
    .first('id', 'account_id', 'expires_at', 'used_at')) as
    { id: string; account_id: string; expires_at: Date | string; used_at: Date | string | null } | undefined;
  if (!row) return undefined;
  return {
    id: row.id,
    accountId: row.account_id,
    expiresAt: new Date(row.expires_at),
    usedAt: row.used_at === null ? null : new Date(row.used_at),
  };
}
