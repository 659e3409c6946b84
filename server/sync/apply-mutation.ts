import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import {
  conflictingFields,
  keepsStoredValue,
  type ConflictData,
  type Mutation,
  type MutationResult,
  type SyncedTableName,
} from '../../shared/sync/protocol';
import { toNumber, toRecord } from '../db/values';
import { canonicalJson } from '../../shared/canonical-json';
import { refuseByActor } from './actor-rules';
import { withChangeLog, type ChangeLogWriter } from './change-log';
import { refuseByShape } from './mutation-rules';
import { refusal, type TableRules } from './table-rules';

type FieldValue = string | number | boolean | null;

export interface ApplyContext {
  deviceId: string;
  now: Date;
  /** The features' rules for their tables (table-rules.ts), composed in server/app.ts. */
  rules: TableRules;
}

/**
 * Applies one mutation in its own transaction (ARCHITECTURE: sync protocol). Idempotent by
 * mutation id: the result is stored with the change, and a retry gets the stored result back
 * without changing anything.
 */
export async function applyMutation(db: Knex, mutation: Mutation, ctx: ApplyContext): Promise<MutationResult> {
  const refused = refuseByShape(mutation);
  if (refused) return refused;
  const digest = createHash('sha256').update(canonicalJson(mutation)).digest('hex');
  return withChangeLog(db, ctx.now, async (log) => {
    // Under the change-log lock, so two instances cannot both apply the same retry.
    const { stored, current, actor } = await loadState(log.trx, mutation);
    if (stored) {
      if (stored.device_id === ctx.deviceId && stored.digest === digest)
        return toRecord(stored.result) as MutationResult;
      return refusal(mutation, 'sync.mutation_reused');
    }
    // Not stored: who may write depends on the staff records as they are now, so a retry after
    // the actor's account arrived (or changed) is judged again.
    const refused =
      (await refuseByActor(log.trx, mutation, current, actor, ctx.rules.permission(mutation.table), ctx)) ??
      (await ctx.rules.refuse(log.trx, mutation, current));
    if (refused) return refused;
    const result = await decide(log, mutation, current, ctx);
    if (result.status === 'applied') await ctx.rules.afterApply(log, mutation, current, ctx.now);
    await log.trx('mutations').insert({
      mutation_id: mutation.mutationId,
      device_id: ctx.deviceId,
      digest,
      result: JSON.stringify(result),
      at: ctx.now,
    });
    return result;
  });
}

interface StoredRecord {
  version: number;
  data: Record<string, FieldValue>;
  fieldVersions: Record<string, number>;
}

interface StoredMutation {
  device_id: string;
  digest: string;
  result: unknown;
}

/**
 * The mutation's stored result, if any, the row's current state and the actor's staff record:
 * one round trip.
 */
async function loadState(
  trx: Knex.Transaction,
  mutation: Mutation,
): Promise<{
  stored: StoredMutation | undefined;
  current: StoredRecord | undefined;
  actor: Record<string, unknown> | undefined;
}> {
  const result = await trx.raw<{ rows: { stored: unknown; record: unknown; actor: unknown }[] }>(
    `SELECT (SELECT to_jsonb(m) FROM (SELECT device_id, digest, result FROM mutations WHERE mutation_id = ?) AS m) AS stored,
            (SELECT to_jsonb(r) FROM (SELECT version, data, field_versions FROM records WHERE table_name = ? AND id = ?) AS r) AS record,
            (SELECT data FROM records WHERE table_name = 'staff' AND id = ?) AS actor`,
    [mutation.mutationId, mutation.table, mutation.rowId, mutation.actorId],
  );
  const row = result.rows[0];
  const stored = row?.stored ? (toRecord(row.stored) as unknown as StoredMutation) : undefined;
  const actor = row?.actor ? toRecord(row.actor) : undefined;
  if (!row?.record) return { stored, current: undefined, actor };
  const record = toRecord(row.record);
  const fieldVersions: Record<string, number> = {};
  for (const [field, seq] of Object.entries(toRecord(record.field_versions))) fieldVersions[field] = toNumber(seq);
  return {
    stored,
    current: {
      version: toNumber(record.version),
      data: toRecord(record.data) as Record<string, FieldValue>,
      fieldVersions,
    },
    actor,
  };
}

async function decide(
  log: ChangeLogWriter,
  mutation: Mutation,
  current: StoredRecord | undefined,
  ctx: ApplyContext,
): Promise<MutationResult> {
  const table = mutation.table as SyncedTableName;
  const base = {
    deviceId: ctx.deviceId,
    mutationId: mutation.mutationId,
    actorId: mutation.actorId,
    actorAt: mutation.at,
  };

  if (!current) {
    // Conflict records are the server's to make; desks may only resolve them.
    if (table === 'sync_conflicts') {
      return refusal(mutation, 'sync.conflict_not_creatable');
    }
    // The desk edits a row it believes the server has: applying its fields alone would make a
    // partial row, so say so instead.
    if (mutation.baseVersion > 0) return refusal(mutation, 'sync.row_unknown');
    const version = await log.writeRow({
      ...base,
      table,
      rowId: mutation.rowId,
      data: mutation.changed,
      fieldVersions: {},
      changedFields: Object.keys(mutation.changed),
    });
    return { mutationId: mutation.mutationId, status: 'applied', version };
  }

  // Fields changed since the desk's base version, to a value other than the desk's.
  const overlapping = Object.entries(mutation.changed).filter(
    ([field, value]) =>
      (current.fieldVersions[field] ?? 0) > mutation.baseVersion && (current.data[field] ?? null) !== value,
  );
  const lastChanges = await changesAt(
    log.trx,
    overlapping.map(([field]) => current.fieldVersions[field] ?? 0),
  );

  const applied: Record<string, FieldValue> = {};
  const conflicts: Array<{ field: string; value: FieldValue }> = [];
  const conflictable: readonly string[] = conflictingFields[table];
  for (const [field, value] of Object.entries(mutation.changed)) {
    const stored = current.data[field] ?? null;
    // Nothing to change; leaving the field's version alone avoids false conflicts later.
    if (stored === value) continue;
    // A spent recovery code or a revoked key stays so, whichever desk's change arrives last.
    if (keepsStoredValue(table, field, stored, value)) continue;
    const fieldVersion = current.fieldVersions[field] ?? 0;
    const last = lastChanges.get(fieldVersion);
    // A desk never conflicts with its own earlier change: its edits are already in order.
    const overlap = fieldVersion > mutation.baseVersion && last?.deviceId !== ctx.deviceId;
    if (overlap && conflictable.includes(field)) conflicts.push({ field, value });
    else applied[field] = value; // administrative fields: the last change to arrive wins
  }

  let version = current.version;
  if (Object.keys(applied).length > 0) {
    version = await log.writeRow({
      ...base,
      table,
      rowId: mutation.rowId,
      data: { ...current.data, ...applied },
      fieldVersions: current.fieldVersions,
      changedFields: Object.keys(applied),
    });
  }
  if (conflicts.length === 0) return { mutationId: mutation.mutationId, status: 'applied', version };

  for (const { field, value } of conflicts) {
    const serverVersion = current.fieldVersions[field] ?? 0;
    const server = lastChanges.get(serverVersion);
    const record: ConflictData = {
      table_name: table,
      row_id: mutation.rowId,
      field,
      server_value: current.data[field] ?? null,
      server_version: serverVersion,
      server_actor_id: server?.actorId ?? null,
      server_at: server?.actorAt ?? null,
      device_value: value,
      device_id: ctx.deviceId,
      actor_id: mutation.actorId,
      at: mutation.at,
      mutation_id: mutation.mutationId,
      resolved_at: null,
      resolved_by: null,
      resolution: null,
    };
    await log.writeRow({
      ...base,
      // Made by the server, on behalf of no one at a desk.
      actorId: null,
      actorAt: null,
      table: 'sync_conflicts',
      rowId: uuidv7(),
      data: record,
      fieldVersions: {},
      changedFields: Object.keys(record),
    });
  }
  return {
    mutationId: mutation.mutationId,
    status: 'conflict',
    version,
    conflictFields: conflicts.map((conflict) => conflict.field),
  };
}

interface LastChange {
  deviceId: string | null;
  actorId: string | null;
  actorAt: string | null;
}

/** Who made the changes with these seqs (the fields' last changes). */
async function changesAt(trx: Knex.Transaction, seqs: number[]): Promise<Map<number, LastChange>> {
  const wanted = [...new Set(seqs.filter((seq) => seq > 0))];
  const found = new Map<number, LastChange>();
  if (wanted.length === 0) return found;
  const rows = await trx('change_log')
    .whereIn('seq', wanted)
    .select<{ seq: unknown; device_id: string | null; actor_id: string | null; actor_at: string | null }[]>(
      'seq',
      'device_id',
      'actor_id',
      'actor_at',
    );
  for (const row of rows)
    found.set(toNumber(row.seq), { deviceId: row.device_id, actorId: row.actor_id, actorAt: row.actor_at });
  return found;
}
