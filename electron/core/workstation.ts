import { hostname } from 'node:os';
import type { Role } from '../../shared/auth/permissions';
import { newId } from '../store/ids';
import type { Store } from '../store/open-store';
import type { Actor } from '../store/actor';

const setupLogin = 'desk-setup';

/**
 * This desk's identity and its setup account: the actor of every call until staff sign-in fills
 * in a person. The setup account acts as front desk (clerk), the least role that can enrol.
 */
export function ensureWorkstation(store: Store, now: Date, deviceName = hostname()): Actor {
  return store.transaction((tx) => {
    const at = now.toISOString();
    let device = tx.get<{ id: string; name: string }>('SELECT id, name FROM devices WHERE is_self = 1');
    if (!device) {
      device = { id: newId(), name: deviceName.slice(0, 100) || 'desk' };
      tx.run('INSERT INTO devices (id, name, is_self, created_at) VALUES (?, ?, 1, ?)', [device.id, device.name, at]);
    }
    let setup = tx.get<{ id: string; display_name: string; role: Role }>(
      "SELECT id, display_name, role FROM staff WHERE kind = 'setup' AND login = ?",
      [setupLogin],
    );
    if (!setup) {
      setup = { id: newId(), display_name: 'Учётная запись рабочего места', role: 'clerk' };
      tx.run(
        `INSERT INTO staff (id, version, created_at, created_by, updated_at, updated_by, device_id, login, display_name, role, kind, active)
         VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 'setup', 1)`,
        [setup.id, at, setup.id, at, setup.id, device.id, setupLogin, setup.display_name, setup.role],
      );
    }
    return { staffId: setup.id, kind: 'setup', displayName: setup.display_name, role: setup.role, deviceId: device.id, deviceName: device.name };
  });
}
