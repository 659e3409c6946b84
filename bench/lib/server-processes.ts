import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { TestServer } from '../../test/server/support/test-server';

const entry = fileURLToPath(new URL('./server-process.ts', import.meta.url));

/**
 * A server instance in its own Node process (server-process.ts) on the database at `databaseUrl`,
 * with the deployment's shared `blobKey`: the bench's desks then cost the server nothing, and two
 * instances use two cores as a deployment's would. Only `origin` and `close` are served.
 */
export async function startServerProcess(databaseUrl: string, blobKey: Buffer): Promise<TestServer> {
  // BENCH_SERVER_NODE_ARGS: Node flags for the server processes, e.g. `--cpu-prof --cpu-prof-dir=…`.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...process.execArgv, entry], {
    env: { ...process.env, BENCH_DB_URL: databaseUrl, BENCH_BLOB_KEY: blobKey.toString('hex') },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const origin = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server process exited (${code})`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { origin: string }).origin));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Enrolment and `TestDevice.via` read only `origin`; there is no Fastify app in this process.
  return {
    app: undefined as never,
    origin,
    close: async () => {
      child.stdin!.end();
      await exited;
    },
  };
}
