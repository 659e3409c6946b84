import type { Knex } from 'knex';

/** The workers running in this process: an enqueue here wakes them instead of waiting for their poll. */
const localWorkers = new Set<() => void>();

export function registerLocalWorker(kick: () => void): () => void {
  localWorkers.add(kick);
  return () => localWorkers.delete(kick);
}

/**
 * Wakes this process's workers once the row can be seen: after the caller's transaction commits
 * (a kick before that would find nothing), at once outside one. Other instances find it by polling.
 */
export function kickAfterCommit(db: Knex): void {
  const kickAll = (): void => {
    for (const kick of localWorkers) kick();
  };
  if (db.isTransaction) {
    (db as Knex.Transaction).executionPromise.then(kickAll, () => {});
  } else {
    kickAll();
  }
}
