import { Worker } from 'node:worker_threads';
import { initialSyncState, syncFailure, type SyncState } from './sync-progress';

export interface SyncWorker {
  /** A local change was committed: push it now. */
  poke(): void;
  readonly state: SyncState;
  /** How many times the thread died and was started again. */
  readonly restarts: number;
  /** Ends the thread abruptly, as a crash would; it is started again like after any crash. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export interface SyncWorkerOptions {
  dbPath: string;
  key: Buffer;
  /** The bundled worker under Electron; from source (browser host, tests) the .mjs shim runs it. */
  workerFile?: URL;
  nativeBinding?: string;
  maxRestartDelayMs?: number;
}

/**
 * Runs the sync worker thread next to the main process's core and keeps it running: a thread
 * that dies (a crash, an out-of-memory kill) is started again with growing delays, and resumes
 * from the cursor and outbox it left in the database.
 */
export function startSyncWorker(options: SyncWorkerOptions): SyncWorker {
  const file = options.workerFile ?? new URL('./worker-from-source.mjs', import.meta.url);
  const maxDelay = options.maxRestartDelayMs ?? 60_000;
  let state: SyncState = initialSyncState;
  let worker: Worker | undefined;
  let stopping = false;
  let restarts = 0;
  let restartTimer: NodeJS.Timeout | undefined;

  const launch = () => {
    const thread = new Worker(file, {
      workerData: { dbPath: options.dbPath, keyHex: options.key.toString('hex'), nativeBinding: options.nativeBinding },
    });
    worker = thread;
    if (restarts > 0) state = { ...state, status: 'connecting', progress: null };
    thread.on('message', (message: { type?: string; state?: SyncState }) => {
      if (message.type === 'state' && message.state) state = message.state;
    });
    thread.on('error', (error) => {
      state = {
        ...state,
        status: 'offline',
        error: syncFailure('sync.worker_failed', { reason: error.message }),
      };
    });
    thread.on('exit', (code) => {
      worker = undefined;
      if (stopping || (code === 0 && state.status === 'not_configured')) return;
      restarts += 1;
      restartTimer = setTimeout(launch, Math.min(maxDelay, 1_000 * 2 ** Math.min(restarts - 1, 6)));
    });
  };
  launch();

  return {
    poke: () => worker?.postMessage('poke'),
    get state() {
      return state;
    },
    get restarts() {
      return restarts;
    },
    kill: async () => {
      await worker?.terminate();
    },
    stop: async () => {
      stopping = true;
      clearTimeout(restartTimer);
      const thread = worker;
      if (!thread) return;
      const exited = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
      thread.postMessage('stop');
      const timeout = setTimeout(() => void thread.terminate(), 5_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
