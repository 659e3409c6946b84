import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describeError } from '../../shared/errors/describe-error';
import { processKeyPorts } from '../core/desk-key';
import { deskPaths } from '../core/desk-paths';
import { hostPort } from './host-port';
import { hostKey } from './prf-host-key';
import { startBrowserHost } from './server';

/** `npm run start:browser`: the desk in a browser tab on this machine only. */
async function main(): Promise<void> {
  const paths = deskPaths(process.env, process.env.MEDCARD_DB);
  mkdirSync(dirname(paths.dbPath), { recursive: true, mode: 0o700 });
  const { key, databaseKey } = await hostKey(paths, process.env, processKeyPorts());
  const host = await startBrowserHost({
    dbPath: paths.dbPath,
    key,
    databaseKey,
    create: true,
    rendererDir: resolve('dist/renderer'),
    port: hostPort(process.env),
  });
  process.stdout.write(
    `Medcard Desk (browser host)\n  database: ${paths.dbPath}\n  listening: ${host.addresses.join(', ')}\n` +
      `  open: ${host.url}\n` +
      (Buffer.isBuffer(key)
        ? ''
        : '  The database key is bound to hardware keys: the page asks for a touch of one.\n') +
      '  Only this computer can connect. The address holds a one-time launch secret: the first tab\n' +
      '  that opens it keeps the session; if a tab says the secret was already used, stop and start again.\n' +
      '  Ctrl+C to stop.\n',
  );
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(describeError(error));
  process.exit(1);
});
