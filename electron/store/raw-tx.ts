import type Database from 'better-sqlite3-multiple-ciphers';
import type { ReadTx, SqlParams, Tx } from './open-store';

/**
 * The statement runner behind a `Tx`: SQL that writes. Only the store's own modules import this
 * file — the door, the audit log, the outbox, the settings and the named writers in
 * `local-writers/` and `sync-writers/` — and tests that tamper with a store on purpose.
 * Everything else holds a `Tx`, which has no `run`, at compile time and at run time.
 */
export interface RawTx extends Tx {
  run(sql: string, params?: SqlParams): Database.RunResult;
}

const runners = new WeakMap<object, RawTx>();

/** Makes `reads` the store's write transaction, with `runner` reachable only through `rawTx`. */
export function withRawRunner(reads: ReadTx, runner: Pick<RawTx, 'run'>): Tx {
  const tx = reads as Tx;
  runners.set(tx, { ...reads, ...runner } as RawTx);
  return tx;
}

/** The runner behind a write transaction; throws for anything else (a read handle cast to a `Tx`). */
export function rawTx(tx: Tx): RawTx {
  const raw = runners.get(tx);
  if (!raw) throw new Error('Not a write transaction of the store');
  return raw;
}
