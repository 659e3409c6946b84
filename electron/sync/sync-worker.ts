import { Worker } from 'node:worker_threads';
import { initialSyncState, type SyncState } from './sync-progress';

export interface SyncWorker {
  /** A local change was committed: push it now. */
  poke(): void;
  readonly state: SyncState;
  stop(): Promise<void>;
}

/**
 * Starts the sync worker thread next to the main process's core. `workerFile` is the bundled
 * worker under Electron; from source (browser host, tests) the TypeScript file runs through tsx.
 */
export function startSyncWorker(options: { dbPath: string; key: Buffer; workerFile?: URL; nativeBinding?: string }): SyncWorker {
  const file = options.workerFile ?? new URL('./worker-from-source.mjs', import.meta.url);
  const worker = new Worker(file, {
    workerData: { dbPath: options.dbPath, keyHex: options.key.toString('hex'), nativeBinding: options.nativeBinding },
  });
  let state: SyncState = initialSyncState;
  let exited = false;
  worker.on('message', (message: { type?: string; state?: SyncState }) => {
    if (message.type === 'state' && message.state) state = message.state;
  });
  worker.on('error', (error) => {
    state = { ...state, status: 'offline', error: { code: 'sync.worker_failed', message: { ru: 'Фоновая синхронизация остановилась', en: `Background sync stopped: ${error.message}` } } };
  });
  worker.on('exit', () => {
    exited = true;
  });
  return {
    poke: () => {
      if (!exited) worker.postMessage('poke');
    },
    get state() {
      return state;
    },
    stop: async () => {
      if (exited) return;
      const done = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('stop');
      const timeout = setTimeout(() => void worker.terminate(), 5_000);
      await done;
      clearTimeout(timeout);
    },
  };
}
