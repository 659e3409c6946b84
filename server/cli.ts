import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../shared/errors/app-error';
import { describeError } from '../shared/errors/describe-error';
import { checkBlobKey, loadBlobKey } from './blobs/blob-key';
import { adminRequest, sendAdminRequest } from './admin/admin-client';
import { isAdminCommand, usageProblem, type AdminArgs } from './admin/admin-request';
import { adminSocketPath } from './admin/admin-socket-path';
import { runAdminCommand, type Output } from './cli/commands';
import { readConfig, type ServerConfig } from './config';
import { openServerDb } from './db/open';
import { restoreEmbedded } from './ops/backup/embedded-backup';
import { isYubikeyCommand } from './otp/yubikey-commands';
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

Backups of the embedded database (PostgreSQL: pg_dump, see docs/operations.md):
  medcard-server backup --out FILE            the database and its stored files (still encrypted);
                                              the blob key is not in it: keep that apart
  medcard-server restore FILE                 with the server stopped: into a new folder, checked,
                                              then swapped in; the old folder is kept beside it

While the server runs, these commands reach it through its admin channel, a Unix socket only
the server's user can open (MEDCARD_SERVER_DATA-admin/admin.sock, or MEDCARD_SERVER_ADMIN_SOCKET);
with the server stopped they open the database themselves: DATABASE_URL (PostgreSQL), or the
embedded one in MEDCARD_SERVER_DATA (default ./.medcard/server).
yubikey-add and yk-client-add seal secrets with the server key (MEDCARD_SERVER_BLOB_KEY[_FILE],
or the embedded database's blob.key): the same key the server runs with.
Start the server with: npm run server`;

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
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, file] = positionals;
  if (values.help || command === undefined) {
    io.out(usage);
    return values.help ? 0 : 2;
  }
  if (!isAdminCommand(command)) {
    io.err(`Unknown command: ${command}\n\n${usage}\n`);
    return 2;
  }
  const { help: _help, 'secrets-file': secretsFile, ...given } = values;
  const args: AdminArgs = {
    ...given,
    ...(values.out === undefined ? {} : { out: resolve(values.out) }),
    ...(command === 'restore' && file !== undefined ? { file: resolve(file) } : {}),
  };
  try {
    if (isYubikeyCommand(command)) {
      // Refused whatever the command: a secret typed there is already in ps and the history.
      if (secretFlags.some((flag) => values[flag] !== undefined)) throw new AppError('yubikey.secrets.in_argv');
      if (command === 'yubikey-add') {
        const secrets =
          secretsFile === undefined ? parseYubikeySecrets(await readStdin()) : readYubikeySecretsFile(secretsFile);
        args['aes-key'] = secrets.aesKey;
        args['private-id'] = secrets.privateId;
      }
    }
    const problem = usageProblem(command, args);
    if (problem !== undefined) {
      io.err(`${problem}\n`);
      return 2;
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    io.err(describeError(error));
    return 2;
  }
  const config = readConfig();
  if (command === 'restore') return restoreCommand(args.file as string, config);
  // A running server holds the embedded database: the command goes to it through its admin channel.
  const answered = await sendAdminRequest(adminSocketPath(config.dataDir), adminRequest(command, args), io);
  if (answered !== undefined) return answered;
  const db = await openServerDb(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    const serverKey = async () => {
      const key = loadBlobKey(config.blobKey);
      // The key the server remembers: secrets sealed with any other would never open there.
      await checkBlobKey(db, key);
      return key;
    };
    return await runAdminCommand(command, args, { db, now: new Date(), io, serverKey });
  } finally {
    await db.destroy();
  }
}

/** `restore FILE`: the embedded database only, with the server stopped; the old folder is kept. */
async function restoreCommand(file: string, config: ServerConfig): Promise<number> {
  if (config.databaseUrl) throw new AppError('server_ops.backup.postgres');
  const explicit = config.blobKey.hex !== undefined || config.blobKey.file !== undefined;
  const keyFile = join(config.dataDir, 'blob.key');
  if (!explicit && !existsSync(keyFile)) throw new AppError('server.blob_key.missing');
  const { hex, file: givenFile } = config.blobKey;
  const report = await restoreEmbedded({
    file,
    dataDir: config.dataDir,
    blobKey: loadBlobKey(
      explicit ? { ...(hex ? { hex } : {}), ...(givenFile ? { file: givenFile } : {}) } : { file: keyFile },
    ),
    ...(explicit ? {} : { blobKeyFile: keyFile }),
    now: new Date(),
  });
  io.out(report.dataDir);
  io.err(
    `Restored the backup of ${report.header.createdAt} into ${report.dataDir}` +
      (report.keptAs ? `; the folder it replaced is kept as ${report.keptAs}` : '') +
      '.\nStart the server: npm run server\n',
  );
  return 0;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    io.err(describeError(error));
    process.exit(1);
  },
);
