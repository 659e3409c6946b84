import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect } from '@playwright/test';
import { ensureWorkstation } from '../../electron/core/workstation';
import { enrolDesk } from '../../electron/sync/enrol-desk';
import { signIn, type StaffMember } from '../support/staff-over-api';
import { freePort } from '../sync/sync-harness';
import { deskName } from './fixtures';
import { firstAdminBeforeEnrolment } from './first-admin-at-desk';
import { usePreparedDesk } from './prepared-desk';
import { callOver } from './staff';
import { holdTabCookie } from './tab-cookie';

/**
 * The README's «central server» steps, as a newcomer types them (issue 15, item 7): `npm run
 * server` on the embedded default, then `npm run medcard-server -- enrol-device --name …` in a
 * second terminal while it runs — answered by the running server through its admin channel —
 * and the desk enrolled with that code is in sync. Nothing is stopped in between.
 */
interface RunningServer {
  url: string;
  dataDir: string;
  log: string[];
  stop(): Promise<void>;
}

/** The child env of a README step: the embedded database in `dataDir` (never a CI's DATABASE_URL). */
function stepEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MEDCARD_SERVER_DATA: dataDir,
    MEDCARD_SERVER_PORT: String(port),
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  delete env.MEDCARD_SERVER_ADMIN_SOCKET;
  return env;
}

/** `npm run server`'s own entry (its pages are already built by `npm run build:portal`). */
async function startServer(dir: string): Promise<RunningServer> {
  const dataDir = join(dir, 'server');
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: stepEnv(dataDir, port),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const log: string[] = [];
  await new Promise<void>((done, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      log.push(line);
      if (line.includes('admin channel listening')) done();
    });
    child.once('exit', (code) => fail(new Error(`npm run server exited (${String(code)})`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** `npm run medcard-server -- …` in another terminal. */
function medcardServer(
  server: RunningServer,
  args: string[],
): Promise<{ status: number; stdout: string; stderr: string }> {
  const port = Number(new URL(server.url).port);
  return new Promise((done) => {
    execFile(
      'npm',
      ['run', 'medcard-server', '--', ...args],
      { env: stepEnv(server.dataDir, port), timeout: 60_000 },
      (error, stdout, stderr) => done({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const test = base.extend<{ dir: string; server: RunningServer }>({
  // eslint-disable-next-line no-empty-pattern
  dir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'medcard-e2e-admin-'));
    try {
      await use(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
  server: async ({ dir }, use) => {
    const server = await startServer(dir);
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  },
});

test.describe.configure({ timeout: 120_000 });

test('the README’s steps: the server runs, an enrolment code comes from a second terminal, the desk enrolled with it is in sync', async ({
  server,
  context,
  page,
}) => {
  const enrol = await medcardServer(server, ['enrol-device', '--name', deskName]);
  expect(enrol.stderr).not.toContain('server.data_busy');
  expect(enrol.stderr).toContain('valid until');
  expect(enrol.status).toBe(0);
  const code = /\b[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}\b/.exec(enrol.stdout)?.[0];
  expect(code).toBeDefined();
  // The running server did it, and said so in its log (who asked, what; a code is never logged).
  expect(server.log.some((line) => line.includes('"command":"enrol-device"'))).toBe(true);
  expect(server.log.join('\n')).not.toContain(code!);

  let admin: StaffMember | undefined;
  await usePreparedDesk(
    'medcard-e2e-admin-desk-',
    async (store, { origin }) => {
      admin = await firstAdminBeforeEnrolment(store, origin);
      ensureWorkstation(store, new Date(), deskName);
      await enrolDesk(store, { servers: [server.url], code: code!, name: deskName });
    },
    async (desk) => {
      await holdTabCookie(context, desk);
      await signIn(callOver(desk), admin!);
      await page.goto(desk.url);
      await expect(page.getByRole('contentinfo')).toContainText('Синхронизировано', { timeout: 30_000 });
      await page.close();
    },
  );
});
