import type { Knex } from 'knex';
import { createClinic, issuePortalToken, listClinics, requireClinic } from '../clinics/clinics';
import { listDevices, revokeDevice } from '../devices/devices';
import { createEnrolCode } from '../devices/enrol-codes';
import type { AdminArgs, AdminCommand } from '../admin/admin-request';
import { yubikeySecretsKey } from '../otp/secret-box';
import { isYubikeyCommand, needsServerKey, runYubikeyCommand } from '../otp/yubikey-commands';
import { backupEmbedded } from '../ops/backup/embedded-backup';

export interface Output {
  out(line: string): void;
  err(text: string): void;
}

/** Prints a fresh one-time enrolment code (into `clinicId`, else the default clinic); only its hash is stored. */
export async function enrolDevice(
  db: Knex,
  name: string | undefined,
  now: Date,
  io: Output,
  clinicId?: string,
): Promise<number> {
  if (clinicId !== undefined) await requireClinic(db, clinicId);
  const { code, expiresAt } = await createEnrolCode(db, {
    ...(name === undefined ? {} : { name }),
    ...(clinicId === undefined ? {} : { clinicId }),
    now,
  });
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

export async function listDevicesCommand(db: Knex, io: Output, clinicId?: string): Promise<number> {
  const devices = await listDevices(db, clinicId);
  if (devices.length === 0) {
    io.out('no devices enrolled');
    return 0;
  }
  io.out(['id', 'clinic', 'enrolled', 'revoked', 'name'].join('\t'));
  for (const device of devices) {
    const revoked = device.revokedAt?.toISOString() ?? '-';
    io.out([device.id, device.clinicId, device.enrolledAt.toISOString(), revoked, device.name].join('\t'));
  }
  return 0;
}

/** Adds a clinic and prints its id (enrol its desks with `enrol-device --clinic ID`). */
export async function addClinicCommand(db: Knex, name: string, now: Date, io: Output): Promise<number> {
  const clinic = await createClinic(db, name, now);
  io.out(clinic.id);
  io.err(`Clinic “${clinic.name}” added. Enrol its workstations with: enrol-device --clinic ${clinic.id}\n`);
  return 0;
}

export async function listClinicsCommand(db: Knex, io: Output): Promise<number> {
  io.out(['id', 'created', 'portal token', 'name'].join('\t'));
  for (const clinic of await listClinics(db)) {
    const token = clinic.hasPortalToken ? 'own' : '-';
    io.out([clinic.id, clinic.createdAt.toISOString(), token, clinic.name].join('\t'));
  }
  return 0;
}

/** Prints a fresh portal token for the clinic, once; only its SHA-256 is kept. */
export async function portalTokenCommand(db: Knex, clinicId: string, io: Output): Promise<number> {
  io.out(await issuePortalToken(db, clinicId));
  io.err('The clinic’s portal token, shown once: give it to that clinic’s portal (Authorization: Bearer …).\n');
  return 0;
}

export interface CommandDeps {
  db: Knex;
  now: Date;
  io: Output;
  /** The key the server runs with (checked against the database): for sealing secrets and backups. */
  serverKey(): Promise<Buffer>;
}

/**
 * Runs one admin command against an open database: the CLI's own (server stopped) or the running
 * server's (through the admin channel). `restore` is not here: it never runs on an open database.
 */
export async function runAdminCommand(
  command: Exclude<AdminCommand, 'restore'>,
  args: AdminArgs,
  deps: CommandDeps,
): Promise<number> {
  const { db, now, io } = deps;
  if (isYubikeyCommand(command)) {
    const secretsKey = needsServerKey(command) ? yubikeySecretsKey(await deps.serverKey()) : undefined;
    return runYubikeyCommand(command, args, { db, now, io, ...(secretsKey ? { secretsKey } : {}) });
  }
  const clinic = args.clinic?.toLowerCase();
  switch (command) {
    case 'enrol-device':
      return enrolDevice(db, args.name, now, io, clinic);
    case 'revoke-device':
      return revokeDeviceCommand(db, (args.id as string).toLowerCase(), now, io);
    case 'clinic-add':
      return addClinicCommand(db, args.name as string, now, io);
    case 'clinic-list':
      return listClinicsCommand(db, io);
    case 'portal-token':
      return portalTokenCommand(db, clinic as string, io);
    case 'list-devices':
      return listDevicesCommand(db, io, clinic);
    case 'backup':
      return backupCommand(db, args.out as string, await deps.serverKey(), now, io);
  }
}

/** Writes a backup of the embedded database (blobs included, the blob key not) to `out`. */
export async function backupCommand(db: Knex, out: string, blobKey: Buffer, now: Date, io: Output): Promise<number> {
  const header = await backupEmbedded(db, out, blobKey, now);
  io.out(out);
  io.err(
    `Backup written: ${header.payloadBytes} bytes, blob key ${header.blobKeyId}.\n` +
      'The stored files in it stay encrypted under the server’s blob key, which is NOT in the backup:\n' +
      'keep a copy of that key (blob.key in the data folder, or MEDCARD_SERVER_BLOB_KEY_FILE) apart from it.\n',
  );
  return 0;
}
