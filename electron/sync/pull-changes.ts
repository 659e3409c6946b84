import type { Actor } from '../store/actor';
import { appendAudit } from '../store/audit-log';
import type { Store, Tx } from '../store/open-store';
import { readSetting, writeSetting } from '../store/settings';
import { applyChanges } from '../store/sync-writers/server-changes';
import { readCursor, writeCursor } from './sync-settings';
import type { ProgressReporter } from './sync-progress';
import type { SyncTransport } from './sync-transport';

const pageSize = 1000;
const snapshotKey = 'sync.snapshot';

/**
 * A new desk's first sync: the server's rows as of one log position, page by page, then the log
 * from there. Each page is applied in one transaction together with the position reached, so a
 * crash or a cut resumes at the next page.
 */
export async function firstSync(
  store: Store,
  transport: SyncTransport,
  actor: Actor,
  report: ProgressReporter,
): Promise<void> {
  let position = store.transaction((tx) =>
    readSetting<{ after: string | null; upTo: number | null; done: number }>(tx, snapshotKey),
  ) ?? {
    after: null,
    upTo: null,
    done: 0,
  };
  // The next page is requested before this one is applied, so the network and the server work
  // while the desk writes.
  let request = transport.snapshot(position.after, position.upTo, pageSize);
  for (;;) {
    const page = await request;
    if (page.after !== null) {
      request = transport.snapshot(page.after, page.upTo, pageSize);
      // Handled when awaited; this only keeps a failure during the apply below from going unseen.
      request.catch(() => undefined);
    }
    const next = { after: page.after, upTo: page.upTo, done: position.done + page.rows.length };
    store.transaction((tx) => {
      applyPage(tx, actor, page.rows, 'snapshot');
      if (page.after === null) writeCursor(tx, page.upTo);
      writeSetting(tx, snapshotKey, page.after === null ? null : next);
    });
    position = next;
    report({ phase: 'snapshot', done: position.done, total: page.total });
    if (page.after === null) return;
  }
}

/** Pulls the log since this desk's cursor; the cursor moves only with the page's commit. */
export async function pullChanges(
  store: Store,
  transport: SyncTransport,
  actor: Actor,
  report: ProgressReporter,
): Promise<number> {
  let cursor = store.transaction((tx) => readCursor(tx)) ?? 0;
  let pulled = 0;
  for (;;) {
    const page = await transport.pull(cursor, pageSize);
    store.transaction((tx) => {
      applyPage(tx, actor, page.changes, 'pull');
      writeCursor(tx, page.cursor);
    });
    cursor = page.cursor;
    pulled += page.changes.length;
    if (page.hasMore) report({ phase: 'pull', done: pulled, total: null });
    if (!page.hasMore) return pulled;
  }
}

/** Applies a page and records that the desk's data changed by sync (F1: every write is logged). */
function applyPage(
  tx: Tx,
  actor: Actor,
  changes: Parameters<typeof applyChanges>[1],
  source: 'snapshot' | 'pull',
): void {
  const at = new Date().toISOString();
  const applied = applyChanges(tx, changes, at);
  if (applied === 0) return;
  const tables = [...new Set(changes.map((change) => change.table))].sort();
  appendAudit(tx, actor, at, { action: `sync.${source}.applied`, details: { applied, tables } });
}
