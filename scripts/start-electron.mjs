#!/usr/bin/env node
// `npm start`: runs the desk in Electron. Gets the Electron binary if it is missing (npm ci does
// not download it: package.json's allowScripts denies electron's postinstall so installs work
// offline), makes sure the database's native module has a build for Electron's ABI, builds the
// app and starts it. Where the binary cannot be obtained it says so and points at the browser host.
// `--prepare-only` stops before building and launching and prints, as its last line, the JSON
// { electron, env } a test needs to launch the built app itself (test/e2e/electron.spec.ts).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  electronBinaryOrDownload,
  electronDir,
  errorLine,
  exitWithoutElectron,
  npmCommand,
  root,
  run,
} from './electron-binary.mjs';

const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers');

const binary =
  electronBinaryOrDownload() ??
  exitWithoutElectron(
    'запуск',
    'start',
    'То же приложение работает в браузере: npm run start:browser',
    'The same app runs in the browser: npm run start:browser',
  );

const electronVersion = readJson(path.join(electronDir, 'package.json')).version;
const addonEnv = prepareSqliteAddon(binary, electronVersion);
if (process.argv.includes('--prepare-only')) {
  console.log(JSON.stringify({ electron: binary, env: addonEnv }));
  process.exit(0);
}

run('building the app', npmCommand(['run', 'build']));

const env = { ...process.env, ...addonEnv };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

/**
 * better-sqlite3-multiple-ciphers in node_modules is built for Node's ABI, which vitest, the CLI
 * and the browser host need. Rebuilding it in place for Electron (electron-builder
 * install-app-deps) would break all of those, so Electron gets its own build in
 * node_modules/.cache, made from a copy of the package, and main.ts loads it (development only)
 * through MEDCARD_ELECTRON_SQLITE_ADDON. Returns the environment for the app.
 */
function prepareSqliteAddon(electron, version) {
  const usual = path.join(sqliteDir, 'build', 'Release', 'better_sqlite3.node');
  if (loadsUnderElectron(electron, usual)) return {};

  const sqliteVersion = readJson(path.join(sqliteDir, 'package.json')).version;
  const copyDir = path.join(
    root,
    'node_modules',
    '.cache',
    'medcard-desk',
    `electron-${version}-${process.platform}-${process.arch}`,
    `better-sqlite3-multiple-ciphers-${sqliteVersion}`,
  );
  const addon = path.join(copyDir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(addon) && loadsUnderElectron(electron, addon)) return { MEDCARD_ELECTRON_SQLITE_ADDON: addon };

  console.log(
    `Building better-sqlite3-multiple-ciphers ${sqliteVersion} for Electron ${version} (once, into ${path.relative(root, copyDir)})…`,
  );
  rmSync(copyDir, { recursive: true, force: true });
  mkdirSync(copyDir, { recursive: true });
  const skip = [path.join(sqliteDir, 'build'), path.join(sqliteDir, 'node_modules')];
  cpSync(sqliteDir, copyDir, {
    recursive: true,
    filter: (source) => !skip.some((dir) => source === dir || source.startsWith(dir + path.sep)),
  });

  // npm passes its own settings down as npm_config_*; a nodedir there (Node's headers) would make
  // node-gyp build for Node again while claiming Electron.
  const buildEnv = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch)$/i.test(name),
    ),
  );
  const tools = {
    prebuild: path.join(root, 'node_modules', 'prebuild-install', 'bin.js'),
    gyp: process.env.npm_config_node_gyp ?? path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  };
  const attempts = [
    {
      name: 'prebuild-install',
      tool: tools.prebuild,
      args: ['--runtime', 'electron', '--target', version, '--arch', process.arch, '--verbose'],
    },
    {
      name: 'node-gyp',
      tool: tools.gyp,
      args: [
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${version}`,
        `--arch=${process.arch}`,
        '--dist-url=https://electronjs.org/headers',
      ],
    },
  ];
  for (const { name, tool, args } of attempts) {
    if (!existsSync(tool)) {
      console.log(`  ${name}: not installed`);
      continue;
    }
    const result = spawnSync(process.execPath, [tool, ...args], { cwd: copyDir, env: buildEnv, encoding: 'utf8' });
    if (result.status === 0 && loadsUnderElectron(electron, addon)) return { MEDCARD_ELECTRON_SQLITE_ADDON: addon };
    console.log(`  ${name} failed: ${errorLine(result)}`);
  }
  rmSync(copyDir, { recursive: true, force: true });

  console.error(
    [
      '',
      `Medcard Desk: модуль базы данных better-sqlite3-multiple-ciphers не удалось собрать для Electron ${version}.`,
      'Нужен доступ к сети (готовая сборка или заголовки Electron), а для сборки из исходников — компилятор C++ (node-gyp).',
      'Приложение в браузере работает без этого: npm run start:browser',
      '',
      `Medcard Desk: the database module better-sqlite3-multiple-ciphers could not be built for Electron ${version}.`,
      'It needs the network (a prebuilt binary or Electron headers) and, to compile from source, a C++ toolchain (node-gyp).',
      'The browser host needs none of it: npm run start:browser',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

/** Whether Electron's own Node can load this addon (its ABI differs from the system Node's). */
function loadsUnderElectron(electron, addon) {
  if (!existsSync(addon)) return false;
  const result = spawnSync(electron, ['-e', `process.dlopen({ exports: {} }, ${JSON.stringify(addon)})`], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: 'ignore',
    timeout: 60_000,
  });
  return result.status === 0;
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}
