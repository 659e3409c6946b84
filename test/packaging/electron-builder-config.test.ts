import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

/**
 * The packaging of the desk (issue 15, item 8): electron-builder.yml as electron-builder itself
 * reads and validates it, with the fuses that keep the packaged binary from being turned into a
 * Node interpreter or made to load other code, the targets, and the resources the main process
 * reads at run time. And `npm run package` where Electron cannot be had: a plain message.
 */

const root = join(import.meta.dirname, '..', '..');
const requireHere = createRequire(join(root, 'package.json'));

interface BuilderConfigModule {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<unknown>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
}
interface DebugLoggerModule {
  DebugLogger: new (enabled: boolean) => unknown;
}

const target = z.union([z.string(), z.object({ target: z.string() })]);
const configSchema = z.object({
  electronVersion: z.string(),
  // electron-builder merges the file patterns into one set: { filter: [...] }.
  files: z.array(z.object({ filter: z.array(z.string()) })),
  extraResources: z.array(z.object({ from: z.string(), to: z.string() })),
  asar: z.literal(true),
  asarUnpack: z.array(z.string()),
  electronFuses: z.record(z.string(), z.boolean()),
  linux: z.object({ target: z.array(target) }),
  win: z.object({ target: z.union([target, z.array(target)]) }),
});

let loaded: Promise<z.infer<typeof configSchema>> | undefined;
/** Read and validated once for the file: electron-builder's schema check takes seconds. */
const loadConfig = () => (loaded ??= readConfig());

async function readConfig() {
  const builder = requireHere('app-builder-lib/out/util/config/config') as BuilderConfigModule;
  const { DebugLogger } = requireHere('builder-util/out/DebugLogger') as DebugLoggerModule;
  const config = await builder.getConfig(root, join(root, 'electron-builder.yml'), null);
  await builder.validateConfiguration(config, new DebugLogger(false));
  return configSchema.parse(config);
}

const targetNames = (targets: z.infer<typeof target> | z.infer<typeof target>[]) =>
  (Array.isArray(targets) ? targets : [targets]).map((one) => (typeof one === 'string' ? one : one.target));

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema and sets every hardening fuse', async () => {
    const config = await loadConfig();
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds deb and AppImage for Linux and an NSIS installer for Windows', async () => {
    const config = await loadConfig();
    expect(targetNames(config.linux.target).sort()).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.win.target)).toEqual(['nsis']);
  });

  it('packs the Electron it was tested with, the built app, and the native database module outside the asar', async () => {
    const config = await loadConfig();
    const installed = z.object({ version: z.string() }).parse(requireHere('electron/package.json'));
    expect(config.electronVersion).toBe(installed.version);
    expect(config.files.flatMap((set) => set.filter)).toEqual(
      expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', '!dist/**/*.map']),
    );
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3-multiple-ciphers/**');
  });

  it('ships the consent texts (each as its manifest’s SHA-256 says) and the PDF fonts as extra resources', async () => {
    const config = await loadConfig();
    expect(config.extraResources).toEqual(
      expect.arrayContaining([
        { from: 'resources/consent', to: 'consent' },
        { from: 'resources/fonts', to: 'fonts' },
      ]),
    );
    const manifest = z
      .object({ texts: z.array(z.object({ file: z.string(), sha256: z.string() })).min(1) })
      .parse(JSON.parse(readFileSync(join(root, 'resources/consent/manifest.json'), 'utf8')));
    for (const text of manifest.texts) {
      const file = join(root, 'resources/consent', text.file);
      expect(existsSync(file), file).toBe(true);
      const sum = execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0];
      expect(sum).toBe(text.sha256);
    }
  });
});

describe('npm run package', () => {
  it('says plainly, in Russian and English, that the installer needs the Electron binary when it cannot be had', () => {
    const result = spawnSync(process.execPath, [join(root, 'scripts/package-electron.mjs')], {
      cwd: root,
      encoding: 'utf8',
      // An Electron that is not there, and no download attempt: the state of a machine without it.
      env: {
        ...process.env,
        ELECTRON_OVERRIDE_DIST_PATH: join(root, 'no-such-electron'),
        MEDCARD_NO_ELECTRON_DOWNLOAD: '1',
      },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('сборка установщика: не удалось получить исполняемый файл Electron');
    expect(result.stderr).toContain('packaging: the Electron binary could not be obtained');
    expect(result.stderr).toContain('npm run start:browser');
    expect(existsSync(join(root, 'dist/packages'))).toBe(false);
  });
});
