import type { Actor } from '../store/actor';
import type { Store } from '../store/open-store';
import type { BlobSync } from './blob-sync';
import { syncCycle } from './sync-cycle';
import { initialSyncState, syncFailure, type SyncState } from './sync-progress';
import { SyncRefusedError, type SyncTransport } from './sync-transport';

export interface SyncLoopOptions {
  store: Store;
  transport: SyncTransport;
  actor: Actor;
  /** Vault files named by rows: uploaded before their rows, fetched after pulled ones. */
  blobs?: BlobSync;
  onState(state: SyncState): void;
  /** Fallback polling while the event stream is up (a missed event costs at most this). */
  idlePollMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
}

export interface SyncLoop {
  /** Local changes are waiting: sync now rather than at the next tick. */
  poke(): void;
  stop(): Promise<void>;
  readonly state: SyncState;
}

/**
 * Keeps a desk in sync: a cycle whenever the server announces a change (SSE) or a local change
 * is poked, a poll as fallback, and exponential backoff with jitter while the network or the
 * server is down. Runs until stopped; every failure is reported, none ends the loop.
 */
export function startSyncLoop(options: SyncLoopOptions): SyncLoop {
  const idlePollMs = options.idlePollMs ?? 30_000;
  const minBackoffMs = options.minBackoffMs ?? 1_000;
  const maxBackoffMs = options.maxBackoffMs ?? 60_000;
  const random = options.random ?? Math.random;
  let state: SyncState = { ...initialSyncState, status: 'connecting', server: options.transport.server };
  let stopped = false;
  let wake: (() => void) | undefined;
  let dirty = true;
  let failures = 0;
  let streamUp = false;
  const stopController = new AbortController();

  const setState = (patch: Partial<SyncState>) => {
    state = { ...state, ...patch };
    options.onState(state);
  };
  const poke = () => {
    dirty = true;
    wake?.();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  async function listen(): Promise<void> {
    while (!stopped) {
      try {
        streamUp = true;
        await options.transport.subscribe(() => poke(), stopController.signal);
      } catch {
        // The stream broke: find out now whether the server is gone (the status bar says so at
        // once); polling with backoff carries on until the stream is back.
      }
      streamUp = false;
      if (!stopped) poke();
      if (!stopped)
        await new Promise((resolve) => setTimeout(resolve, Math.min(maxBackoffMs, minBackoffMs * 2 ** failures)));
    }
  }

  async function run(): Promise<void> {
    while (!stopped) {
      if (!dirty) {
        // Woken early by a poke (local change, server event), or at the poll interval.
        await sleep(streamUp ? idlePollMs : Math.min(idlePollMs, 5_000));
        dirty = true;
        continue;
      }
      // Cleared before the cycle: a poke that arrives during it makes the next cycle run at once.
      dirty = false;
      try {
        setState({ status: 'syncing', server: options.transport.server });
        await syncCycle(
          options.store,
          options.transport,
          options.actor,
          (progress) => setState({ progress }),
          options.blobs,
        );
        failures = 0;
        setState({
          status: 'online',
          server: options.transport.server,
          lastSyncAt: new Date().toISOString(),
          error: null,
          progress: null,
        });
      } catch (error) {
        if (stopped) break;
        failures += 1;
        setState(failureState(error, options.transport.server));
        const backoff = Math.min(maxBackoffMs, minBackoffMs * 2 ** (failures - 1));
        await sleep(backoff / 2 + random() * (backoff / 2));
        dirty = true;
      }
    }
  }

  const running = run();
  const listening = listen();
  return {
    poke,
    get state() {
      return state;
    },
    stop: async () => {
      stopped = true;
      stopController.abort();
      wake?.();
      await Promise.allSettled([running, listening]);
    },
  };
}

function failureState(error: unknown, server: string): Partial<SyncState> {
  if (error instanceof SyncRefusedError) {
    return { status: 'refused', server, progress: null, error: { code: error.code, message: error.text } };
  }
  return { status: 'offline', server, progress: null, error: syncFailure('sync.unreachable') };
}
