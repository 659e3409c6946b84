import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bindKey,
  newBoundKeysFile,
  openWithPrf,
  openWithRecovery,
  readBoundKeys,
  unbindKey,
  withNewRecoveryKey,
  writeBoundKeys,
} from '../../../../electron/host/prf-bound-keys';
import { formatRecoveryKey, parseRecoveryKey } from '../../../../electron/host/recovery-key';
import type { BoundKeysFile } from '../../../../shared/db-key/bound-keys-file';
import { AppError } from '../../../../shared/errors/app-error';

/** A hardware key's PRF as CTAP2 hmac-secret computes it: HMAC under a secret the key never gives out. */
function softwarePrf(): { credentialId: string; prf(salt: string): Buffer } {
  const secret = randomBytes(32);
  return {
    credentialId: randomBytes(16).toString('base64url'),
    prf: (salt) => createHmac('sha256', secret).update(Buffer.from(salt, 'base64url')).digest(),
  };
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  }
  throw new Error('expected a refusal');
}

const now = new Date('2026-12-07T10:00:00Z');
let dir = '';
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'medcard-prf-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function boundTo(dbKey: Buffer, ...keys: ReturnType<typeof softwarePrf>[]): BoundKeysFile {
  let file = newBoundKeysFile();
  for (const [n, key] of keys.entries()) {
    file = bindKey(file, {
      dbKey,
      credentialId: key.credentialId,
      prfOutput: key.prf(file.prfSalt),
      label: `key ${n}`,
      now,
    });
  }
  return file;
}

describe('the database key sealed under hardware keys’ PRF (A5)', () => {
  it('any bound key opens it; another key is not bound; a wrong PRF output does not unwrap', () => {
    const dbKey = randomBytes(32);
    const [alice, bob, stranger] = [softwarePrf(), softwarePrf(), softwarePrf()];
    const file = boundTo(dbKey, alice, bob);
    expect(openWithPrf(file, alice.credentialId, alice.prf(file.prfSalt))).toEqual(dbKey);
    expect(openWithPrf(file, bob.credentialId, bob.prf(file.prfSalt))).toEqual(dbKey);
    expect(codeOf(() => openWithPrf(file, stranger.credentialId, stranger.prf(file.prfSalt)))).toBe('db_key.not_bound');
    expect(codeOf(() => openWithPrf(file, alice.credentialId, bob.prf(file.prfSalt)))).toBe('db_key.unwrap_failed');
    expect(codeOf(() => openWithPrf(file, alice.credentialId, alice.prf(randomBytes(32).toString('base64url'))))).toBe(
      'db_key.unwrap_failed',
    );
  });

  it('an entry moved to another credential or another desk does not open', () => {
    const dbKey = randomBytes(32);
    const [alice, bob] = [softwarePrf(), softwarePrf()];
    const file = boundTo(dbKey, alice, bob);
    const [first, second] = file.keys;
    if (!first || !second) throw new Error('two keys');
    const swapped = { ...file, keys: [{ ...first, sealed: second.sealed }, second] };
    expect(codeOf(() => openWithPrf(swapped, alice.credentialId, alice.prf(file.prfSalt)))).toBe(
      'db_key.unwrap_failed',
    );
    const otherDesk = { ...file, desk: newBoundKeysFile().desk };
    expect(codeOf(() => openWithPrf(otherDesk, alice.credentialId, alice.prf(file.prfSalt)))).toBe(
      'db_key.unwrap_failed',
    );
  });

  it('two keys bound, one unbound: the other opens; the last one cannot be unbound; the same key twice is refused', () => {
    const dbKey = randomBytes(32);
    const [alice, bob] = [softwarePrf(), softwarePrf()];
    const file = unbindKey(boundTo(dbKey, alice, bob), alice.credentialId);
    expect(codeOf(() => openWithPrf(file, alice.credentialId, alice.prf(file.prfSalt)))).toBe('db_key.not_bound');
    expect(openWithPrf(file, bob.credentialId, bob.prf(file.prfSalt))).toEqual(dbKey);
    expect(codeOf(() => unbindKey(file, bob.credentialId))).toBe('db_key.last_key');
    expect(codeOf(() => boundTo(dbKey, bob, bob))).toBe('db_key.already_bound');
  });

  it('the recovery key opens when no hardware key is at hand; a typo is caught by its check group', () => {
    const dbKey = randomBytes(32);
    const { file, recoveryKey } = withNewRecoveryKey(boundTo(dbKey, softwarePrf()), dbKey);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){13}[0-9A-Z]{4}$/);
    expect(openWithRecovery(file, recoveryKey)).toEqual(dbKey);
    // Typed back in lower case, spaced, with O for 0 and l for 1: the same key.
    const retyped = recoveryKey.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(openWithRecovery(file, retyped)).toEqual(dbKey);
    // Every single-character typo in the key's body is caught before any unwrapping.
    const body = recoveryKey.replace(/-/g, '');
    for (let at = 0; at < 52; at += 1) {
      const wrong = body[at] === 'Z' ? 'Y' : 'Z';
      expect(codeOf(() => parseRecoveryKey(body.slice(0, at) + wrong + body.slice(at + 1)))).toBe(
        'db_key.recovery_typo',
      );
    }
    expect(codeOf(() => parseRecoveryKey(body.slice(0, 40)))).toBe('db_key.recovery_typo');
    // Another desk's recovery key is well formed but does not unwrap.
    expect(codeOf(() => openWithRecovery(file, formatRecoveryKey(randomBytes(32))))).toBe('db_key.unwrap_failed');
  });

  it('the file is written 0600, holds neither the key nor a PRF output, and a tampered file is refused', () => {
    const dbKey = randomBytes(32);
    const alice = softwarePrf();
    const path = join(dir, 'desk.db.bound-keys');
    const { file } = withNewRecoveryKey(boundTo(dbKey, alice), dbKey);
    writeBoundKeys(path, file);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = readFileSync(path, 'utf8');
    for (const secret of [dbKey, alice.prf(file.prfSalt)]) {
      expect(text).not.toContain(secret.toString('hex'));
      expect(text).not.toContain(secret.toString('base64'));
      expect(text).not.toContain(secret.toString('base64url'));
    }
    expect(readBoundKeys(path)).toEqual(file);

    writeFileSync(path, text.replace('"medcard-bound-keys/1"', '"medcard-bound-keys/2"'));
    expect(codeOf(() => readBoundKeys(path))).toBe('db_key.file_malformed');
    writeFileSync(path, text.slice(0, text.length / 2));
    expect(codeOf(() => readBoundKeys(path))).toBe('db_key.file_malformed');
    writeFileSync(path, JSON.stringify({ ...file, keys: [{ ...file.keys[0], extra: 1 }] }));
    expect(codeOf(() => readBoundKeys(path))).toBe('db_key.file_malformed');
    expect(readBoundKeys(join(dir, 'absent'))).toBeUndefined();
  });
});
