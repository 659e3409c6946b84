import { z } from 'zod';
import type { Tx } from '../store/open-store';
import { readSetting } from '../store/settings';

/** Lockout (A3): how many failures lock an account, and for how long. */
export interface LockoutPolicy {
  maxAttempts: number;
  lockMinutes: number;
}

/** When failures from one desk look like someone trying accounts one after another (A3). */
export interface BurstPolicy {
  failures: number;
  logins: number;
  windowMinutes: number;
}

/** Sign-ins in these desk-local hours are raised to the auditor; `null` turns it off (a 24/7 ward). */
export interface OddHoursPolicy {
  fromHour: number;
  toHour: number;
}

export const defaultLockout: LockoutPolicy = { maxAttempts: 5, lockMinutes: 15 };
export const defaultBurst: BurstPolicy = { failures: 10, logins: 3, windowMinutes: 10 };
export const defaultOddHours: OddHoursPolicy | null = { fromHour: 22, toHour: 6 };

export const authSettingKeys = {
  lockout: 'auth.lockout',
  burst: 'auth.alerts.burst',
  oddHours: 'auth.alerts.oddHours',
  idleLock: 'auth.idleLockMinutes',
} as const;

/** A shared desk locks after this many idle minutes (A4). */
export const defaultIdleLockMinutes = 5;

const lockoutSchema = z.strictObject({
  maxAttempts: z.number().int().min(1).max(100),
  lockMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
});
const burstSchema = z.strictObject({
  failures: z.number().int().min(2).max(1000),
  logins: z.number().int().min(1).max(100),
  windowMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
});
const hour = z.number().int().min(0).max(23);
const oddHoursSchema = z.strictObject({ fromHour: hour, toHour: hour }).nullable();

/**
 * A setting as stored, or the default when it is missing or malformed: a broken value must not
 * switch the lockout off, so the safe default wins rather than an error at every sign-in.
 */
function setting<T>(tx: Tx, key: string, schema: z.ZodType<T>, fallback: T): T {
  const parsed = schema.safeParse(readSetting<unknown>(tx, key));
  return parsed.success ? parsed.data : fallback;
}

export function lockoutPolicy(tx: Tx): LockoutPolicy {
  return setting(tx, authSettingKeys.lockout, lockoutSchema, defaultLockout);
}

export function burstPolicy(tx: Tx): BurstPolicy {
  return setting(tx, authSettingKeys.burst, burstSchema, defaultBurst);
}

export function oddHoursPolicy(tx: Tx): OddHoursPolicy | null {
  const stored = readSetting<unknown>(tx, authSettingKeys.oddHours);
  if (stored === undefined) return defaultOddHours;
  const parsed = oddHoursSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultOddHours;
}

export function idleLockMinutes(tx: Tx): number {
  return setting(tx, authSettingKeys.idleLock, z.number().int().min(1).max(240), defaultIdleLockMinutes);
}
