import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, type WebContents } from 'electron';
import Store from 'electron-store';
import { hostname } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../shared/errors/app-error';
import { localize } from '../shared/errors/catalog';
import type { Core } from './core/core';
import { Fido2ToolsPort } from './auth/fido2-tools-port';
import { openCore } from './core/open-core';
import { loadOrCreateWrappedKey, type KeyWrapPort } from './host/wrapped-key';
import { parseHexKey } from './store/key-source';
import { APP_ENTRY, APP_HOST, APP_SCHEME, isAppUrl } from './ipc/app-origin';
import { serveAppRequest } from './ipc/app-protocol';
import { registerApi } from './ipc/register-api';

// The bundle sits in dist/electron beside the preload; the renderer is built into dist/renderer.
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '..', 'renderer');
const preloadPath = path.join(here, 'preload.cjs');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

/**
 * Switches for development and the Electron e2e test only; a packaged app ignores them, so the
 * environment can neither move its data, bypass the OS key store nor load other native code.
 */
const dev = app.isPackaged
  ? {}
  : {
      userDataDir: process.env.MEDCARD_USER_DATA_DIR || undefined,
      dbKey: process.env.MEDCARD_DB_KEY || undefined,
      sqliteAddon: process.env.MEDCARD_ELECTRON_SQLITE_ADDON || undefined,
    };
if (dev.userDataDir) app.setPath('userData', path.resolve(dev.userDataDir));

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guard(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!core) return;
    // Hold the quit until the database is closed (WAL checkpoint, no torn handle).
    event.preventDefault();
    const closing = core;
    core = undefined;
    closing
      .close()
      .catch((error: unknown) => console.error('closing the database failed', error))
      .finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail(error));
}

async function start(): Promise<void> {
  denyPermissions();
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererDir));

  const userData = app.getPath('userData');
  const appOrigin = `${APP_SCHEME}://${APP_HOST}`;
  core = await openCore({
    dbPath: path.join(userData, 'medcard.db'),
    key: databaseKey(),
    create: true,
    nativeBinding: dev.sqliteAddon,
    sync: { workerFile: new URL('./sync-worker.js', import.meta.url) },
    deviceName: hostname(),
    // Packaged, the consent texts are outside the asar (electron-builder.yml: extraResources).
    ...(app.isPackaged ? { resourcesDir: process.resourcesPath } : {}),
    // The app's own origin. WebAuthn from a custom scheme is not verified on every OS yet (README).
    relyingParty: { rpId: APP_HOST, origin: appOrigin },
    // Windows' WebAuthn dialog serves the page; elsewhere the main process asks the key (libfido2).
    ...(process.platform === 'win32' ? {} : { hardwareKey: new Fido2ToolsPort({ origin: appOrigin }) }),
  });
  registerApi(ipcMain, core);
  mainWindow = createWindow();
}

/** The database key: unwrapped by the OS key store (made on first run), or MEDCARD_DB_KEY in development. */
function databaseKey(): Buffer {
  if (dev.dbKey) return parseHexKey(dev.dbKey);
  const store = new Store<{ wrappedDatabaseKey?: string }>({ name: 'database-key' });
  // electron-store answers renderers on a sync IPC channel of its own; ours need none of it.
  ipcMain.removeAllListeners('electron-store-get-data');
  return loadOrCreateWrappedKey(osKeyStore(), {
    get: () => store.get('wrappedDatabaseKey'),
    set: (value) => store.set('wrappedDatabaseKey', value),
  });
}

/** safeStorage, except that Linux's 'basic_text' backend (no keyring) counts as no protection. */
function osKeyStore(): KeyWrapPort {
  return {
    isEncryptionAvailable: () =>
      safeStorage.isEncryptionAvailable() &&
      !(process.platform === 'linux' && ['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend())),
    encryptString: (plainText) => safeStorage.encryptString(plainText),
    decryptString: (encrypted) => safeStorage.decryptString(encrypted),
  };
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Medcard Desk',
    backgroundColor: '#ffffff',
    ...(app.isPackaged ? {} : { icon: path.join(here, '..', '..', 'resources', 'icon.png') }),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  void window.loadURL(APP_ENTRY);
  return window;
}

/** Every web contents stays on app://desk: no navigation away, no new windows, no webviews. */
function guard(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The desk needs no browser permission yet (camera, notifications, devices…): all are refused. */
function denyPermissions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
}

/** Shows why the desk cannot start, in Russian and English, and exits. */
function fail(error: unknown): void {
  console.error('Medcard Desk could not start', error);
  let text: { ru: string; en: string };
  if (error instanceof AppError) text = localize(error.code, error.params);
  else text = { ru: 'Не удалось запустить рабочее место', en: `The desk could not start: ${String(error)}` };
  dialog.showErrorBox('Medcard Desk', `${text.ru}\n\n${text.en}`);
  app.exit(1);
}
