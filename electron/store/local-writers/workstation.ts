import type { Role } from '../../../shared/auth/permissions';
import type { Tx } from '../open-store';
import { rawTx } from '../raw-tx';

/**
 * Per-desk writer: the workstation's own identity — its `devices` row and its setup account, the
 * actor of what happens before anyone signs in. Neither syncs (a setup account is `kind = 'setup'`,
 * which the sync protocol never sends).
 */
export function insertSelfDevice(tx: Tx, device: { id: string; name: string }, at: string): void {
  rawTx(tx).run('INSERT INTO devices (id, name, is_self, created_at) VALUES (?, ?, 1, ?)', [
    device.id,
    device.name,
    at,
  ]);
}

export interface SetupAccountRow {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  deviceId: string;
}

export function insertSetupAccount(tx: Tx, account: SetupAccountRow, at: string): void {
  rawTx(tx).run(
    `INSERT INTO staff (id, version, created_at, created_by, updated_at, updated_by, device_id,
                        login, display_name, role, kind, active)
     VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 'setup', 1)`,
    [account.id, at, account.id, at, account.id, account.deviceId, account.login, account.displayName, account.role],
  );
}
