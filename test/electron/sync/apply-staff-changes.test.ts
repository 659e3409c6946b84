import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../electron/store/actor';
import { newId } from '../../../electron/store/ids';
import { insertSyncedRow } from '../../../electron/store/record-door';
import { applyChanges } from '../../../electron/store/sync-writers/server-changes';
import { openTempDesk, type TempDesk } from '../../support/temp-desk';
import { rawTx } from '../../../electron/store/raw-tx';

let desk: TempDesk;
let admin: Actor;
beforeEach(async () => {
  desk = await openTempDesk();
  admin = { ...desk.ctx.actor, staffId: newId(), kind: 'person', role: 'admin' };
});
afterEach(() => desk.cleanup());

const at = '2026-11-25T09:00:00.000Z';

/**
 * A person's account, as if made here and already on the server (outbox sent), with a lone desk's
 * own TOTP step and recovery code (neither syncs any more: issue 10, item 2).
 */
function syncedPerson(login: string): { staffId: string; codeId: string } {
  return desk.store.transaction((tx) => {
    const door = { tx, actor: admin, at };
    const staffId = insertSyncedRow(door, 'staff', {
      login,
      display_name: 'Анна',
      role: 'clerk',
      active: 1,
    });
    const codeId = newId();
    rawTx(tx).run(
      `INSERT INTO recovery_codes (id, version, created_at, created_by, updated_at, updated_by, device_id, staff_id,
         code_hash, used_at) VALUES (?, 0, ?, ?, ?, ?, 'here', ?, ?, '2026-11-25T08:59:00.000Z')`,
      [codeId, at, admin.staffId, at, admin.staffId, staffId, 'h'.repeat(64)],
    );
    rawTx(tx).run('DELETE FROM sync_outbox');
    rawTx(tx).run(
      'UPDATE staff SET version = 1, failed_attempts = 3, locked_until = ?, totp_secret = ?, totp_last_step = 100 WHERE id = ?',
      ['2026-11-25T09:15:00.000Z', 'JBSWY3DPEHPK3PXP', staffId],
    );
    return { staffId, codeId };
  });
}

const pull = (changes: Parameters<typeof applyChanges>[1]) =>
  desk.store.transaction((tx) => applyChanges(tx, changes, at));
const row = <T>(sql: string, id: string) => desk.store.transaction((tx) => tx.get<T>(sql, [id]));

describe('applying pulled staff changes', () => {
  it('never touches this desk’s lockout counters, whatever the change carries', () => {
    const { staffId } = syncedPerson('anna');
    pull([
      {
        table: 'staff',
        rowId: staffId,
        version: 3,
        data: { display_name: 'Анна Петрова', failed_attempts: 0, locked_until: null, totp_pending_secret: 'X' },
      },
    ]);
    expect(
      row('SELECT display_name, failed_attempts, locked_until, totp_pending_secret FROM staff WHERE id = ?', staffId),
    ).toEqual({
      display_name: 'Анна Петрова',
      failed_attempts: 3,
      locked_until: '2026-11-25T09:15:00.000Z',
      totp_pending_secret: null,
    });
  });

  it('a TOTP secret, its step or a recovery code in a pulled change is not written: they do not sync', () => {
    const { staffId, codeId } = syncedPerson('anna');
    pull([
      { table: 'recovery_codes', rowId: codeId, version: 5, data: { used_at: null } },
      { table: 'staff', rowId: staffId, version: 6, data: { totp_secret: 'AAAA', totp_last_step: 90 } },
    ]);
    expect(row('SELECT used_at FROM recovery_codes WHERE id = ?', codeId)).toEqual({
      used_at: '2026-11-25T08:59:00.000Z',
    });
    expect(row('SELECT totp_secret, totp_last_step FROM staff WHERE id = ?', staffId)).toEqual({
      totp_secret: 'JBSWY3DPEHPK3PXP',
      totp_last_step: 100,
    });
  });

  it('takes a person’s key before the person, in whatever order the server sends them (codes not at all)', () => {
    const staffId = newId();
    const meta = {
      created_at: at,
      created_by: admin.staffId,
      updated_at: at,
      updated_by: admin.staffId,
      device_id: 'other',
    };
    pull([
      {
        table: 'recovery_codes',
        rowId: newId(),
        version: 3,
        data: { staff_id: staffId, code_hash: 'c'.repeat(64), used_at: null, revoked_at: null, ...meta },
      },
      {
        table: 'staff_keys',
        rowId: newId(),
        version: 4,
        data: {
          staff_id: staffId,
          kind: 'webauthn',
          name: 'Синий',
          credential_id: 'cred',
          public_key: 'pQEC',
          revoked_at: null,
          ...meta,
        },
      },
      {
        table: 'staff',
        rowId: staffId,
        version: 9,
        data: { login: 'late.person', display_name: 'Поздний', role: 'clerk', active: 1, ...meta },
      },
    ]);
    expect(row<{ n: number }>('SELECT count(*) AS n FROM staff_keys WHERE staff_id = ?', staffId)?.n).toBe(1);
    expect(row<{ n: number }>('SELECT count(*) AS n FROM recovery_codes WHERE staff_id = ?', staffId)?.n).toBe(0);
  });

  it('lets the clinic’s account take a login an account made only here also had', () => {
    const local = desk.store.transaction((tx) =>
      insertSyncedRow({ tx, actor: admin, at }, 'staff', {
        login: 'anna',
        display_name: 'Анна (здесь)',
        role: 'clerk',
        active: 1,
      }),
    );
    const clinic = newId();
    pull([
      {
        table: 'staff',
        rowId: clinic,
        version: 8,
        data: {
          login: 'anna',
          display_name: 'Анна',
          role: 'clerk',
          active: 1,
          created_at: at,
          created_by: admin.staffId,
          updated_at: at,
          updated_by: admin.staffId,
          device_id: 'other',
        },
      },
    ]);
    expect(row<{ login: string }>('SELECT login FROM staff WHERE id = ?', clinic)?.login).toBe('anna');
    expect(row<{ login: string }>('SELECT login FROM staff WHERE id = ?', local)?.login).toBe(
      `anna~${local.slice(0, 8)}`,
    );
  });
});
