import type { Knex } from 'knex';
import { listDevices, revokeDevice } from '../devices/devices';
import { createEnrolCode } from '../devices/enrol-codes';

export interface Output {
  out(line: string): void;
  err(text: string): void;
}

/** Prints a fresh one-time enrolment code; only its hash is stored. */
export async function enrolDevice(db: Knex, name: string | undefined, now: Date, io: Output): Promise<number> {
  const { code, expiresAt } = await createEnrolCode(db, { ...(name === undefined ? {} : { name }), now });
  io.out(code);
  io.err(
    `One-time enrolment code${name ? ` for “${name}”` : ''}, valid until ${expiresAt.toISOString()}.\n` +
      'Enter it on the workstation; it works once and is not shown again.\n',
  );
  return 0;
}

export async function revokeDeviceCommand(db: Knex, id: string, now: Date, io: Output): Promise<number> {
  const device = await revokeDevice(db, id, now);
  io.out(`revoked ${device.id} (${device.name}) at ${device.revokedAt?.toISOString() ?? now.toISOString()}`);
  return 0;
}

export async function listDevicesCommand(db: Knex, io: Output): Promise<number> {
  const devices = await listDevices(db);
  if (devices.length === 0) {
    io.out('no devices enrolled');
    return 0;
  }
  io.out(['id', 'enrolled', 'revoked', 'name'].join('\t'));
  for (const device of devices) {
    io.out(
      [device.id, device.enrolledAt.toISOString(), device.revokedAt?.toISOString() ?? '-', device.name].join('\t'),
    );
  }
  return 0;
}
