import type { Knex } from 'knex';
import { z } from 'zod';
import { AppError } from '../../shared/errors/app-error';
import type { ErrorCode } from '../../shared/errors/catalog';
import { open, seal } from './secret-box';

/** A registered YubiKey as an administrator sees it: never its secrets. */
export interface Yubikey {
  publicId: string;
  staffId: string;
  name: string | null;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsageCounter: number;
  lastSessionUse: number;
  lastUsedAt: Date | null;
}

/** What verification needs: the opened secrets and the current counters. */
export interface YubikeySecrets extends Yubikey {
  privateId: string;
  aesKey: Buffer;
  lastNonce: string | null;
}

interface YubikeyDbRow {
  public_id: string;
  private_id_sealed: string;
  aes_key_sealed: string;
  staff_id: string;
  name: string | null;
  created_at: Date | string;
  revoked_at: Date | string | null;
  last_usage_counter: number;
  last_session_use: number;
  last_nonce: string | null;
  last_client_id: number | null;
  last_used_at: Date | string | null;
}

const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));
const context = (publicId: string, column: 'private_id' | 'aes_key') => `yubikeys.${column}:${publicId}`;

/**
 * The protocol allows a public id of 0–16 modhex letters; YubiKey Manager programs 12 and the
 * CLI asks for exactly that. Stored lower-case: modhex is case-blind, lookups must not be.
 */
const fields = {
  publicId: { code: 'yubikey.public_id.format', schema: z.string().regex(/^(?:[cbdefghijklnrtuv]{2}){1,8}$/i) },
  privateId: { code: 'yubikey.private_id.format', schema: z.string().regex(/^[0-9a-f]{12}$/i) },
  aesKey: { code: 'yubikey.aes_key.format', schema: z.string().regex(/^[0-9a-f]{32}$/i) },
  staffId: { code: 'yubikey.staff.format', schema: z.string().trim().min(1).max(100) },
  name: { code: 'yubikey.name.format', schema: z.string().trim().min(1).max(100).optional() },
} satisfies Record<string, { code: ErrorCode; schema: z.ZodType }>;

export interface NewYubikey {
  publicId: string;
  privateId: string;
  aesKey: string;
  staffId: string;
  name?: string | undefined;
}

/** Checks each field on its own so the error names the one that is wrong. */
export function parseNewYubikey(input: Partial<Record<keyof NewYubikey, unknown>>): NewYubikey {
  const out: Record<string, string | undefined> = {};
  for (const [field, rule] of Object.entries(fields)) {
    const parsed = rule.schema.safeParse(input[field as keyof NewYubikey]);
    if (!parsed.success) throw new AppError(rule.code, { field });
    out[field] = parsed.data;
  }
  return {
    publicId: (out.publicId as string).toLowerCase(),
    privateId: (out.privateId as string).toLowerCase(),
    aesKey: (out.aesKey as string).toLowerCase(),
    staffId: out.staffId as string,
    ...(out.name === undefined ? {} : { name: out.name }),
  };
}

export async function addYubikey(db: Knex, secretsKey: Uint8Array, input: NewYubikey, now: Date): Promise<Yubikey> {
  const key = parseNewYubikey(input);
  const inserted = await db<YubikeyDbRow>('yubikeys')
    .insert({
      public_id: key.publicId,
      private_id_sealed: seal(secretsKey, context(key.publicId, 'private_id'), Buffer.from(key.privateId, 'hex')),
      aes_key_sealed: seal(secretsKey, context(key.publicId, 'aes_key'), Buffer.from(key.aesKey, 'hex')),
      staff_id: key.staffId,
      name: key.name ?? null,
      created_at: now,
    })
    .onConflict('public_id')
    .ignore()
    .returning('*');
  const row = inserted[0];
  if (!row) throw new AppError('yubikey.exists', { field: 'publicId', params: { publicId: key.publicId } });
  return fromDb(row);
}

/** Takes effect on the key's next OTP: keys are read on every verification. */
export async function revokeYubikey(db: Knex, publicId: string, now: Date): Promise<Yubikey> {
  const updated = await db<YubikeyDbRow>('yubikeys')
    .where({ public_id: publicId.toLowerCase() })
    .update({ revoked_at: db.raw('coalesce(revoked_at, ?)', [now]) as unknown as Date })
    .returning('*');
  const row = updated[0];
  if (!row) throw new AppError('yubikey.not_found', { params: { publicId } });
  return fromDb(row);
}

export async function listYubikeys(db: Knex): Promise<Yubikey[]> {
  const rows = await db<YubikeyDbRow>('yubikeys').orderBy(['staff_id', 'created_at']);
  return rows.map(fromDb);
}

/** The key with its secrets opened; throws when they do not open (another server key). */
export async function findYubikeySecrets(
  db: Knex,
  secretsKey: Uint8Array,
  publicId: string,
): Promise<YubikeySecrets | undefined> {
  const row = await db<YubikeyDbRow>('yubikeys').where({ public_id: publicId }).first();
  if (!row) return undefined;
  return {
    ...fromDb(row),
    privateId: open(secretsKey, context(row.public_id, 'private_id'), row.private_id_sealed).toString('hex'),
    aesKey: open(secretsKey, context(row.public_id, 'aes_key'), row.aes_key_sealed),
    lastNonce: row.last_nonce,
  };
}

export interface CounterClaim {
  publicId: string;
  usageCounter: number;
  sessionUse: number;
  nonce: string;
  /** The YK-VAL client that asked; null when a desk's sign-in asked through /v1/second-factors. */
  clientId: number | null;
  now: Date;
}

/**
 * Moves the key's counters forward to the OTP's, only if the OTP's (usage counter, session use)
 * is above the stored pair and the key is not revoked. One conditional UPDATE: PostgreSQL
 * re-checks the WHERE on the row a concurrent winner committed, so when two instances or two
 * desks race with one OTP exactly one gets the row. false: someone got there first.
 */
export async function advanceCounters(db: Knex, claim: CounterClaim): Promise<boolean> {
  const updated = await db('yubikeys')
    .where({ public_id: claim.publicId })
    .whereNull('revoked_at')
    .andWhere((newer) =>
      newer
        .where('last_usage_counter', '<', claim.usageCounter)
        .orWhere((sameSession) =>
          sameSession
            .where('last_usage_counter', claim.usageCounter)
            .andWhere('last_session_use', '<', claim.sessionUse),
        ),
    )
    .update({
      last_usage_counter: claim.usageCounter,
      last_session_use: claim.sessionUse,
      last_nonce: claim.nonce,
      last_client_id: claim.clientId,
      last_used_at: claim.now,
    })
    .returning('public_id');
  return updated.length === 1;
}

export interface VerificationRecord {
  publicId: string | null;
  clientId: number | null;
  status: string;
  at: Date;
}

export async function recordVerification(db: Knex, record: VerificationRecord): Promise<void> {
  await db('yubikey_verifications').insert({
    public_id: record.publicId,
    client_id: record.clientId,
    status: record.status,
    at: record.at,
  });
}

function fromDb(row: YubikeyDbRow): Yubikey {
  return {
    publicId: row.public_id,
    staffId: row.staff_id,
    name: row.name,
    createdAt: toDate(row.created_at),
    revokedAt: row.revoked_at === null ? null : toDate(row.revoked_at),
    lastUsageCounter: row.last_usage_counter,
    lastSessionUse: row.last_session_use,
    lastUsedAt: row.last_used_at === null ? null : toDate(row.last_used_at),
  };
}
