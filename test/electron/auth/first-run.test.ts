import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { needsFirstAdmin, setupFirstAdmin } from '../../../electron/auth/first-admin';
import { normalizeRecoveryCode } from '../../../electron/auth/recovery-codes';
import { verifyAuditChain } from '../../../electron/store/audit-log';
import { auditEvents, newLogin, openAuthDesk, refusal, strongPassword, type AuthDesk } from './auth-harness';

let h: AuthDesk | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

describe('first run bootstraps one admin (A1)', () => {
  it('creates the admin once, with ten recovery codes shown once and kept only as hashes', async () => {
    h = await openAuthDesk();
    expect(needsFirstAdmin(h.auth)).toBe(true);
    const login = newLogin('Admin');
    const { session, recoveryCodes } = await setupFirstAdmin(h.auth, {
      login,
      displayName: 'Анна Петрова',
      password: strongPassword(),
    });

    expect(session).toMatchObject({
      login: login.toLowerCase(),
      displayName: 'Анна Петрова',
      role: 'admin',
      factor: 'first-run',
      mustEnrolKey: true,
    });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);

    const stored = h.auth.store.transaction((tx) =>
      tx
        .all<{ code_hash: string }>('SELECT code_hash FROM recovery_codes WHERE staff_id = ?', [session.staffId])
        .map((row) => row.code_hash),
    );
    // A stored recovery code is not a fast hash: argon2id with its own salt, never SHA-256.
    const fast = recoveryCodes.map((code) => createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex'));
    expect(stored).toHaveLength(10);
    for (const value of stored) {
      expect(value).toMatch(/^\$argon2id\$v=19\$m=8192,t=2,p=1\$/);
      expect(fast).not.toContain(value);
    }
    expect(new Set(stored.map((value) => value.split('$')[4])).size).toBe(10);
    const dump = h.auth.store.transaction((tx) => JSON.stringify(tx.all('SELECT * FROM recovery_codes')));
    for (const code of recoveryCodes) expect(dump).not.toContain(code);

    const hash = h.auth.store.transaction((tx) =>
      tx.get<{ password_hash: string }>('SELECT password_hash FROM staff WHERE id = ?', [session.staffId]),
    );
    expect(hash?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(auditEvents(h).map((event) => event.action)).toEqual(['auth.setup.first_admin']);
    expect(needsFirstAdmin(h.auth)).toBe(false);
  });

  it('refuses a second setup, and writes nothing', async () => {
    h = await openAuthDesk();
    await setupFirstAdmin(h.auth, { login: newLogin(), displayName: 'Первый', password: strongPassword() });
    const before = { staff: h.desk.count('audit_events') };
    const second = await refusal(
      setupFirstAdmin(h.auth, { login: newLogin(), displayName: 'Второй', password: strongPassword() }),
    );
    expect(second.code).toBe('auth.setup.done');
    expect(second.message.ru.length).toBeGreaterThan(0);
    const people = h.auth.store.transaction(
      (tx) => tx.get<{ n: number }>("SELECT count(*) AS n FROM staff WHERE kind = 'person'")?.n,
    );
    expect(people).toBe(1);
    expect({ staff: h.desk.count('audit_events') }).toEqual(before);
    expect(h.auth.store.transaction((tx) => verifyAuditChain(tx)).ok).toBe(true);
  });

  it('refuses a login outside the format, and the setup account’s own login', async () => {
    h = await openAuthDesk();
    for (const login of ['ab', 'иванова', '-admin', 'desk-setup', 'a'.repeat(65)]) {
      const error = await refusal(setupFirstAdmin(h.auth, { login, displayName: 'Админ', password: strongPassword() }));
      expect(error).toMatchObject({ code: 'staff.login.format', field: 'login' });
    }
  });
});
