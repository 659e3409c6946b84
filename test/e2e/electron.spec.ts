import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { callNames } from '../../shared/api/contract';

// Smoke test of the Electron host: the built app (dist/) in the real Electron binary. Where the
// binary is not installed — it cannot be downloaded on every machine — the whole file is skipped;
// the browser host e2e tests drive the same renderer and core. On Linux without a display run
// it under xvfb-run.

const root = resolve('.');

function electronBinary(): string | undefined {
  try {
    const found: unknown = createRequire(join(root, 'package.json'))('electron');
    return typeof found === 'string' && existsSync(found) ? found : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
test.skip(
  binary === undefined,
  'Electron binary not installed (cannot be downloaded on this machine); the browser host e2e covers the UI',
);
test.describe.configure({ mode: 'serial' });

let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeAll(async () => {
  test.setTimeout(10 * 60_000);
  // The renderer is built by `npm run test:e2e`; the Electron bundles and Electron's build of the
  // native database module are made here (the latter once, cached in node_modules/.cache).
  if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
    execFileSync('npm', ['run', 'build:renderer'], {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
  }
  execFileSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: root, stdio: 'inherit' });
  const prepared = execFileSync(process.execPath, ['scripts/start-electron.mjs', '--prepare-only'], {
    cwd: root,
    encoding: 'utf8',
  });
  const { electron, env } = JSON.parse(prepared.trim().split('\n').at(-1) ?? '{}') as {
    electron: string;
    env: Record<string, string>;
  };

  userData = await mkdtemp(join(tmpdir(), 'medcard-electron-e2e-'));
  const launchEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) launchEnv[name] = value;
  delete launchEnv.ELECTRON_RUN_AS_NODE;
  app = await _electron.launch({
    executablePath: electron,
    // Chromium refuses to run as root (CI containers) with its OS sandbox on.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
    cwd: root,
    env: {
      ...launchEnv,
      ...env,
      MEDCARD_USER_DATA_DIR: userData,
      // Development-only switch (ignored when packaged): a test machine has no OS keyring.
      MEDCARD_DB_KEY: randomBytes(32).toString('hex'),
    },
  });
  page = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close();
  if (userData) await rm(userData, { recursive: true, force: true });
});

test('opens the Russian desk on app://desk, at its first run’s set-up', async () => {
  expect(page.url()).toBe('app://desk/index.html');
  // A fresh desk has no staff yet: the first admin is created before anything else shows.
  await expect(page.getByRole('heading', { level: 1, name: 'Настройка' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Логин' })).toBeFocused();
});

test('gives the renderer exactly the contract, and no Node', async () => {
  const seen = await page.evaluate(async () => {
    const api = (window as unknown as { api: Record<string, Record<string, unknown>> }).api;
    const calls = Object.entries(api).flatMap(([namespace, methods]) =>
      Object.keys(methods).map((m) => `${namespace}.${m}`),
    );
    const whoami = await (api.session?.whoami as (input: object) => Promise<{ ok: boolean }>)({});
    return {
      calls: calls.sort(),
      whoamiOk: whoami.ok,
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    };
  });
  expect(seen.calls).toEqual([...callNames].sort());
  expect(seen.whoamiOk).toBe(true);
  expect(seen.require).toBe('undefined');
  expect(seen.process).toBe('undefined');
});

test('serves the renderer under the strict CSP', async () => {
  const csp = await page.evaluate(async () =>
    (await fetch('app://desk/index.html')).headers.get('content-security-policy'),
  );
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");

  const inlineRan = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    await new Promise((done) => setTimeout(done, 100));
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(inlineRan).toBe(false);
});

test('stays on app://desk: no navigation away, no new windows', async () => {
  const opened = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toMatch(/^app:\/\/desk\//);
  expect(app.windows()).toHaveLength(1);
});
