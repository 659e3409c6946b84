import { parseArgs } from 'node:util';
import { z } from 'zod';
import { AppError } from '../shared/errors/app-error';
import { describeError } from '../shared/errors/describe-error';
import { checkBlobKey, loadBlobKey } from './blobs/blob-key';
import {
  addClinicCommand,
  enrolDevice,
  listClinicsCommand,
  listDevicesCommand,
  portalTokenCommand,
  revokeDeviceCommand,
  type Output,
} from './cli/commands';
import { readConfig } from './config';
import { openServerDb } from './db/open';
import { yubikeySecretsKey } from './otp/secret-box';
import { checkYubikeyArgs, isYubikeyCommand, needsServerKey, runYubikeyCommand } from './otp/yubikey-commands';
import { parseYubikeySecrets, readStdin, readYubikeySecretsFile, secretFlags } from './otp/yubikey-secret-input';

const usage = `medcard-server — the central server's administration

  medcard-server enrol-device [--name NAME] [--clinic ID]
                                              print a one-time enrolment code (valid 24 h); the
                                              device joins that clinic (default: the first one)
  medcard-server list-devices [--clinic ID]   enrolled devices, revoked ones marked
  medcard-server revoke-device --id ID        refuse the device from its next request on

Clinics (each sees only its own devices, staff, patients, files and portal):
  medcard-server clinic-add --name NAME       add a clinic; prints its id
  medcard-server clinic-list                  clinics (the first is the default)
  medcard-server portal-token --clinic ID     print a fresh portal token for that clinic (shown once)

YubiKey OTP (validated here, YK-VAL 2.0 at /wsapi/2.0/verify):
  medcard-server yubikey-add --public-id MODHEX12 --staff ID [--name NAME] [--secrets-file PATH]
                              the secrets on stdin (or in a 0600 file), never in argv:
                              aes-key=HEX32 and private-id=HEX12, one per line
  medcard-server yubikey-revoke --public-id MODHEX12
  medcard-server yubikey-list                 keys, their staff and last counters (never secrets)
  medcard-server yk-client-add [--device ID]  print a YK-VAL client id and API key (shown once)
  medcard-server yk-client-revoke --id N

The database: DATABASE_URL (PostgreSQL), or the embedded one in MEDCARD_SERVER_DATA
(default ./.medcard/server), which only one process may open: stop the server first.
yubikey-add and yk-client-add seal secrets with the server key (MEDCARD_SERVER_BLOB_KEY[_FILE],
or the embedded database's blob.key): the same key the server runs with.
Start the server with: npm run server`;

const deviceCommands = ['enrol-device', 'list-devices', 'revoke-device'];
const clinicCommands = ['clinic-add', 'clinic-list', 'portal-token'];

const io: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (text) => process.stderr.write(text),
};

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      id: { type: 'string' },
      'public-id': { type: 'string' },
      'private-id': { type: 'string' },
      'aes-key': { type: 'string' },
      staff: { type: 'string' },
      'secrets-file': { type: 'string' },
      device: { type: 'string' },
      clinic: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command] = positionals;
  if (values.help || command === undefined) {
    io.out(usage);
    return values.help ? 0 : 2;
  }
  if (!deviceCommands.includes(command) && !clinicCommands.includes(command) && !isYubikeyCommand(command)) {
    io.err(`Unknown command: ${command}\n\n${usage}\n`);
    return 2;
  }
  if (values.name !== undefined && (values.name.length < 1 || values.name.length > 100)) {
    io.err('--name takes 1 to 100 characters\n');
    return 2;
  }
  if (values.clinic !== undefined && !z.uuid().safeParse(values.clinic).success) {
    io.err('--clinic takes a clinic id (see clinic-list)\n');
    return 2;
  }
  if ((command === 'clinic-add' && values.name === undefined) || (command === 'portal-token' && !values.clinic)) {
    io.err(`${command} needs ${command === 'clinic-add' ? '--name' : '--clinic'}\n`);
    return 2;
  }
  if (command === 'revoke-device' && !z.uuid().safeParse(values.id).success) {
    io.err('revoke-device needs --id with a device id (see list-devices)\n');
    return 2;
  }
  if (isYubikeyCommand(command)) {
    try {
      // Refused whatever the command: a secret typed there is already in ps and the history.
      if (secretFlags.some((flag) => values[flag] !== undefined)) throw new AppError('yubikey.secrets.in_argv');
      if (command === 'yubikey-add') {
        const file = values['secrets-file'];
        const secrets = file === undefined ? parseYubikeySecrets(await readStdin()) : readYubikeySecretsFile(file);
        values['aes-key'] = secrets.aesKey;
        values['private-id'] = secrets.privateId;
      }
      checkYubikeyArgs(command, values);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      io.err(describeError(error));
      return 2;
    }
  }
  const config = readConfig();
  const db = await openServerDb(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    const now = new Date();
    if (isYubikeyCommand(command)) {
      let secretsKey: Buffer | undefined;
      if (needsServerKey(command)) {
        const serverKey = loadBlobKey(config.blobKey);
        // The key the server remembers: secrets sealed with any other would never open there.
        await checkBlobKey(db, serverKey);
        secretsKey = yubikeySecretsKey(serverKey);
      }
      return await runYubikeyCommand(command, values, { db, now, io, ...(secretsKey ? { secretsKey } : {}) });
    }
    const clinic = values.clinic?.toLowerCase();
    if (command === 'enrol-device') return await enrolDevice(db, values.name, now, io, clinic);
    if (command === 'revoke-device') return await revokeDeviceCommand(db, (values.id as string).toLowerCase(), now, io);
    if (command === 'clinic-add') return await addClinicCommand(db, values.name as string, now, io);
    if (command === 'clinic-list') return await listClinicsCommand(db, io);
    if (command === 'portal-token') return await portalTokenCommand(db, clinic as string, io);
    return await listDevicesCommand(db, io, clinic);
  } finally {
    await db.destroy();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    io.err(describeError(error));
    process.exit(1);
  },
);
