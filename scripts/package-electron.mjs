#!/usr/bin/env node
// `npm run package`: the desk's installers (deb and AppImage on Linux, NSIS on Windows) by
// electron-builder from electron-builder.yml, with the Electron fuses set there. electron-builder
// packs the Electron binary of node_modules/electron (electronDist), so it needs that binary: where
// it cannot be downloaded, this says so plainly instead of failing deep inside electron-builder.
// Arguments go to electron-builder (e.g. `npm run package -- --linux deb`).
import path from 'node:path';
import { electronBinaryOrDownload, exitWithoutElectron, npmCommand, root, run } from './electron-binary.mjs';

if (!electronBinaryOrDownload()) {
  exitWithoutElectron(
    'сборка установщика',
    'packaging',
    'Установщик собирается там, где Electron можно скачать (или он уже есть в node_modules/electron/dist). Без него работает приложение в браузере: npm run start:browser',
    'Build the installer where Electron can be downloaded (or is already in node_modules/electron/dist). Without it, the app runs in the browser: npm run start:browser',
  );
}

run('building the app', npmCommand(['run', 'build']));
const builder = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
const electronDist = path.join(root, 'node_modules', 'electron', 'dist');
run('electron-builder', [
  process.execPath,
  [builder, '--config', 'electron-builder.yml', `--config.electronDist=${electronDist}`, ...process.argv.slice(2)],
]);
