import { hostname } from 'node:os';
import type { Role } from '../../shared/auth/permissions';
import { newId } from '../store/ids';
import { insertSelfDevice, insertSetupAccount } from '../store/local-writers/workstation';
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
      insertSelfDevice(tx, device, at);
    }
    let setup = tx.get<{ id: string; display_name: string; role: Role }>(
      "SELECT id, display_name, role FROM staff WHERE kind = 'setup' AND login = ?",
      [setupLogin],
    );
    if (!setup) {
      setup = { id: newId(), display_name: 'Учётная запись рабочего места', role: 'clerk' };
      insertSetupAccount(
        tx,
        { id: setup.id, login: setupLogin, displayName: setup.display_name, role: setup.role, deviceId: device.id },
        at,
      );
    }
    return {
      staffId: setup.id,
      kind: 'setup',
      displayName: setup.display_name,
      role: setup.role,
      deviceId: device.id,
      deviceName: device.name,
    };
  });
}
