import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { normalizePassword } from '../shared/auth/password-policy';

/**
 * Passwords of staff (the desk) and of patients (the cabinet, on the server): argon2id with OWASP's
 * minimum profile: 19 MiB, 2 passes, one lane (~50 ms on a desk PC). The
 * parameters travel inside each PHC string, so raising them later still verifies old hashes.
 * `2` is Argon2id: the package's enum is `const`, which isolated modules cannot read.
 */
export const argon2Options: Options = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), argon2Options);
}

/** False for a wrong password and for a stored value that is not a hash at all. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, normalizePassword(password));
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Costs what a real check costs, for a login (or a cabinet's e-mail) that does not exist or has no
 * password, so that the time of the answer does not tell it apart (A3). The hash is made once per process
 * with the same parameters; `warmUpPasswordChecks` makes it before the first sign-in.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummy ??= hash(randomBytes(24).toString('base64'), argon2Options);
  await verifyPassword(await dummy, password);
  return false;
}

export async function warmUpPasswordChecks(): Promise<void> {
  await verifyAgainstNothing('');
}
