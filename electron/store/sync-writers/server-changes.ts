import {
  blobFields,
  conflictDataSchema,
  keepsStoredValue,
  syncedFields,
  type Change,
} from '../../../shared/sync/protocol';
import { canonicalJson } from '../../../shared/canonical-json';
import type { ReadTx, Tx } from '../open-store';
import { rawTx } from '../raw-tx';

/**
 * Local tables a pulled change may write, and the columns it may set in each. Only synced
 * columns: a pulled staff row never touches this desk's lockout counters, pending TOTP secret or
 * key counters, and the desk's own setup account never arrives (it does not sync).
 */
const writableColumns: Record<string, readonly string[]> = {
  patients: syncedFields.patients,
  sync_conflicts: Object.keys(conflictDataSchema.shape),
  staff: syncedFields.staff,
  staff_keys: syncedFields.staff_keys,
  consents: syncedFields.consents,
  proxies: syncedFields.proxies,
  identity_documents: syncedFields.identity_documents,
  document_scans: syncedFields.document_scans,
  online_identity: syncedFields.online_identity,
  applications: syncedFields.applications,
  application_events: syncedFields.application_events,
  contact_changes: syncedFields.contact_changes,
  dictionary_releases: syncedFields.dictionary_releases,
  chart_entries: syncedFields.chart_entries,
  chart_revisions: syncedFields.chart_revisions,
  chart_reports: syncedFields.chart_reports,
  share_consents: syncedFields.share_consents,
  chart_shares: syncedFields.chart_shares,
  specialists: syncedFields.specialists,
  rooms: syncedFields.rooms,
  service_types: syncedFields.service_types,
  work_patterns: syncedFields.work_patterns,
  schedule_exceptions: syncedFields.schedule_exceptions,
  appointments: syncedFields.appointments,
  appointment_attachments: syncedFields.appointment_attachments,
  record_requests: syncedFields.record_requests,
  record_request_files: syncedFields.record_request_files,
  record_restrictions: syncedFields.record_restrictions,
  emergency_access: syncedFields.emergency_access,
  incidents: syncedFields.incidents,
  incident_entries: syncedFields.incident_entries,
  health_thresholds: syncedFields.health_thresholds,
};

type Row = Record<string, string | number | null> & { version: number };

/**
 * Sync-only writer: applies pulled changes in the caller's transaction. The server is the
 * authority here, so this is the one write of synced rows that does not go through the door:
 * no outbox entry (the change came from the server) and no audit event per row (the sync worker
 * audits the page). Only the sync worker calls it.
 *
 * Idempotent: a change at or below the row's version is skipped. Fields with local edits still
 * waiting in the outbox are kept as they are (they reach the server next and come back in order).
 * The state a change replaces goes to `row_history`, as the door's own updates do (rule 5).
 */
export function applyChanges(tx: Tx, changes: readonly Omit<Change, 'seq'>[], at: string): number {
  let applied = 0;
  // Most pages meet an empty outbox (always in a first sync): then no row has local edits.
  const outboxEmpty = tx.get('SELECT 1 FROM sync_outbox LIMIT 1') === undefined;
  const known = versionsOf(tx, changes);
  for (const change of changes) {
    const columns = writableColumns[change.table];
    if (!columns) continue;
    const data = Object.fromEntries(
      Object.entries(change.data)
        .filter(([column]) => columns.includes(column))
        .map(([column, value]) => [column, typeof value === 'boolean' ? Number(value) : value]),
    );
    const rowKey = `${change.table}:${change.rowId}`;
    const knownVersion = known.get(rowKey);
    if (knownVersion !== undefined && knownVersion >= change.version) continue;
    const existing =
      knownVersion === undefined
        ? undefined
        : tx.get<Row>(`SELECT * FROM ${change.table} WHERE id = ?`, [change.rowId]);
    if (!outboxEmpty) for (const field of pendingFields(tx, change.table, change.rowId)) delete data[field];
    if (existing) {
      // A spent recovery code stays spent here too, whatever order changes arrive in.
      for (const field of Object.keys(data))
        if (keepsStoredValue(change.table, field, existing[field], data[field])) delete data[field];
    }
    if (change.table === 'staff' && typeof data.login === 'string') yieldLogin(tx, data.login, change.rowId);
    if (existing) {
      rawTx(tx).run(
        'INSERT INTO row_history (table_name, row_id, version, data, replaced_at, replaced_by) VALUES (?, ?, ?, ?, ?, ?)',
        [change.table, change.rowId, existing.version, canonicalJson(existing), at, 'sync'],
      );
      const names = Object.keys(data);
      const assignments = [...names.map((n) => `${n} = ?`), 'version = ?'].join(', ');
      rawTx(tx).run(`UPDATE ${change.table} SET ${assignments} WHERE id = ?`, [
        ...names.map((n) => data[n]),
        change.version,
        change.rowId,
      ]);
    } else {
      const names = ['id', 'version', ...Object.keys(data)];
      const values = [change.rowId, change.version, ...Object.values(data)];
      const placeholders = names.map(() => '?').join(', ');
      rawTx(tx).run(`INSERT INTO ${change.table} (${names.join(', ')}) VALUES (${placeholders})`, values);
    }
    queueBlobs(tx, change.table, data, at);
    // A page may carry the same row twice (made, then changed): the next one meets this version.
    known.set(rowKey, change.version);
    applied += 1;
  }
  return applied;
}

/** The local versions of the page's rows, in one query per table rather than one per row. */
function versionsOf(tx: ReadTx, changes: readonly Omit<Change, 'seq'>[]): Map<string, number> {
  const versions = new Map<string, number>();
  const byTable = new Map<string, string[]>();
  for (const change of changes) {
    if (!writableColumns[change.table]) continue;
    const ids = byTable.get(change.table) ?? [];
    ids.push(change.rowId);
    byTable.set(change.table, ids);
  }
  for (const [table, ids] of byTable) {
    for (let i = 0; i < ids.length; i += 500) {
      const slice = ids.slice(i, i + 500);
      const rows = tx.all<{ id: string; version: number }>(
        `SELECT id, version FROM ${table} WHERE id IN (${slice.map(() => '?').join(',')})`,
        slice,
      );
      for (const row of rows) versions.set(`${table}:${row.id}`, row.version);
    }
  }
  return versions;
}

/**
 * The server holds one account per login (it refuses a second). A local account that holds the
 * login too was never accepted there (made offline, refused or still waiting): it gives the
 * login up, so that the clinic's account can arrive, and shows up renamed on this desk.
 */
function yieldLogin(tx: Tx, login: string, rowId: string): void {
  rawTx(tx).run(
    "UPDATE staff SET login = login || '~' || substr(id, 1, 8) WHERE login = ? AND id <> ? AND kind = 'person'",
    [login, rowId],
  );
}

/** The files the row names, for the worker to fetch (those already in the vault are dropped there). */
function queueBlobs(tx: Tx, table: string, data: Record<string, unknown>, at: string): void {
  for (const field of (blobFields as Record<string, readonly string[] | undefined>)[table] ?? []) {
    const sha256 = data[field];
    if (typeof sha256 === 'string' && /^[0-9a-f]{64}$/.test(sha256)) {
      rawTx(tx).run('INSERT OR IGNORE INTO blob_downloads (sha256, queued_at) VALUES (?, ?)', [sha256, at]);
    }
  }
}

function pendingFields(tx: ReadTx, table: string, rowId: string): Set<string> {
  const fields = new Set<string>();
  for (const { changed } of tx.all<{ changed: string }>(
    'SELECT changed FROM sync_outbox WHERE table_name = ? AND row_id = ?',
    [table, rowId],
  )) {
    for (const field of Object.keys(JSON.parse(changed) as object)) fields.add(field);
  }
  return fields;
}
