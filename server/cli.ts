import { parseArgs } from 'node:util';
import { z } from 'zod';
import { describeError } from '../shared/errors/describe-error';
import { enrolDevice, listDevicesCommand, revokeDeviceCommand, type Output } from './cli/commands';
import { readConfig } from './config';
import { openServerDb } from './db/open';

const usage = `medcard-server — the central server's administration

  medcard-server enrol-device [--name NAME]   print a one-time enrolment code (valid 24 h)
  medcard-server list-devices                 enrolled devices, revoked ones marked
  medcard-server revoke-device --id ID        refuse the device from its next request on

The database: DATABASE_URL (PostgreSQL), or the embedded one in MEDCARD_SERVER_DATA
(default ./.medcard/server), which only one process may open: stop the server first.
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
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command] = positionals;
  if (values.help || command === undefined) {
    io.out(usage);
    return values.help ? 0 : 2;
  }
  if (!['enrol-device', 'list-devices', 'revoke-device'].includes(command)) {
    io.err(`Unknown command: ${command}\n\n${usage}\n`);
    return 2;
  }
  if (values.name !== undefined && (values.name.length < 1 || values.name.length > 100)) {
    io.err('--name takes 1 to 100 characters\n');
    return 2;
  }
  if (command === 'revoke-device' && !z.uuid().safeParse(values.id).success) {
    io.err('revoke-device needs --id with a device id (see list-devices)\n');
    return 2;
  }
  const config = readConfig();
  const db = await openServerDb(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    const now = new Date();
    if (command === 'enrol-device') return await enrolDevice(db, values.name, now, io);
    if (command === 'revoke-device') return await revokeDeviceCommand(db, (values.id as string).toLowerCase(), now, io);
    return await listDevicesCommand(db, io);
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
