// Finding the Electron binary for `npm start` and `npm run package`: npm ci does not download it
// (package.json's allowScripts denies electron's postinstall, so installs work offline), so it is
// fetched once on demand; where it cannot be, both say so in Russian and English.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const electronDir = path.join(root, 'node_modules', 'electron');
const requireHere = createRequire(path.join(root, 'package.json'));

/** The electron package's own lookup (path.txt, ELECTRON_OVERRIDE_DIST_PATH); undefined when the file is not there. */
export function electronBinary() {
  let found;
  try {
    found = requireHere('electron');
  } catch {
    return undefined;
  }
  return typeof found === 'string' && existsSync(found) ? found : undefined;
}

/** The binary, downloaded once by the electron package's installer if it is missing; undefined if that fails. */
export function electronBinaryOrDownload() {
  return electronBinary() ?? tryInstallElectron();
}

/** Says that Electron cannot be had here and what to do instead; exits with 1. */
export function exitWithoutElectron(whatRu, whatEn, insteadRu, insteadEn) {
  console.error(
    [
      '',
      `Medcard Desk: ${whatRu}: не удалось получить исполняемый файл Electron на этом компьютере (его нельзя скачать отсюда).`,
      insteadRu,
      '',
      `Medcard Desk: ${whatEn}: the Electron binary could not be obtained on this machine (it cannot be downloaded here).`,
      insteadEn,
      '',
    ].join('\n'),
  );
  process.exit(1);
}

/** Runs the electron package's download once; prints only its last error line when it fails. */
function tryInstallElectron() {
  const installer = path.join(electronDir, 'install.js');
  if (!existsSync(installer) || process.env.MEDCARD_NO_ELECTRON_DOWNLOAD === '1') return undefined;
  console.log('Electron binary not found; trying to download it (node node_modules/electron/install.js)…');
  const result = spawnSync(process.execPath, [installer], {
    cwd: electronDir,
    encoding: 'utf8',
    timeout: 15 * 60 * 1000,
    env: process.env,
  });
  if (result.status !== 0) console.log(`  download failed: ${errorLine(result)}`);
  return electronBinary();
}

/** The first line of a failed command's output that names an error, kept short. */
export function errorLine(result) {
  const lines = `${result.stderr ?? ''}\n${result.stdout ?? ''}`
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const line = lines.find((text) => /\b(E[A-Z]{3,}|[A-Za-z]*Error)\b/.test(text)) ?? lines[0];
  return (line ?? result.error?.message ?? `exit ${result.status}`).slice(0, 200);
}

/** npm, run through node when npm named its own CLI (works the same on every OS). */
export function npmCommand(args) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.[cm]?js$/.test(npmCli)) return [process.execPath, [npmCli, ...args]];
  return [process.platform === 'win32' ? 'npm.cmd' : 'npm', args];
}

/** Runs a step with inherited output; a failure ends the script with the step's name. */
export function run(what, [command, args]) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32' && command.endsWith('.cmd'),
  });
  if (result.status !== 0) {
    console.error(`Medcard Desk: ${what} failed.`);
    process.exit(result.status ?? 1);
  }
}
