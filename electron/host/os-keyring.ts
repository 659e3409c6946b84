import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { AppError } from '../../shared/errors/app-error';
import { childEnv, systemProgram } from './child-env';

/** Where the database key is kept on desks with an OS keyring (no Electron safeStorage). */
export interface KeyringPort {
  /** The key of this database, or undefined when the keyring holds none. */
  lookup(dbPath: string): Promise<string | undefined>;
  store(dbPath: string, secret: string): Promise<void>;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const timeoutMs = 20_000;

function run(program: string, args: readonly string[], input: string): Promise<Run> {
  return new Promise((done) => {
    // The session bus is all secret-tool needs of the desk's environment.
    const env = childEnv(['DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR', 'HOME']);
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'], shell: false, env });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-2048)));
    child.stdin.on('error', () => undefined);
    child.on('error', () => undefined);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

const attributes = (dbPath: string) => ['service', 'medcard-desk', 'database', resolve(dbPath)];

/**
 * The Secret Service (GNOME Keyring, KWallet) through libsecret's `secret-tool`: the secret goes
 * on its stdin, never on its command line. Undefined where there is no secret-tool or no running
 * Secret Service to answer it (a server without a desktop session, this project's CI): the desk
 * then wraps its key under a passphrase instead.
 */
export async function secretToolKeyring(env: NodeJS.ProcessEnv = process.env): Promise<KeyringPort | undefined> {
  const program = systemProgram('secret-tool');
  if (program === undefined || !env.DBUS_SESSION_BUS_ADDRESS) return undefined;
  // A lookup that finds nothing exits 1 silently; without a service it says why on stderr.
  const probe = await run(program, ['lookup', 'service', 'medcard-desk', 'probe', 'availability'], '');
  if (probe.code !== 0 && probe.stderr.trim() !== '') return undefined;
  return {
    async lookup(dbPath) {
      const found = await run(program, ['lookup', ...attributes(dbPath)], '');
      const secret = found.stdout.trim();
      return found.code === 0 && secret !== '' ? secret : undefined;
    },
    async store(dbPath, secret) {
      const label = `Medcard Desk database key (${resolve(dbPath)})`;
      const stored = await run(program, ['store', `--label=${label}`, ...attributes(dbPath)], secret);
      if (stored.code !== 0) throw new AppError('host.key.keyring_failed');
    },
  };
}
