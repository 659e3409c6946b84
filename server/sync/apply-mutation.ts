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
import { toNumber } from '../db/values';
import { canonicalJson } from '../../shared/canonical-json';
import { accountTables, refuseByActor } from './actor-rules';
import type { PushProofs } from './proof/push-proofs';
import { BatchState, type FieldValue, type StoredRecord } from './batch-state';
import { BufferedLog } from './buffered-log';
import { withChangeLog, type ChangeLogWriter } from './change-log';
import { refuseByShape } from './mutation-rules';
import { refusal, type TableRules } from './table-rules';

export interface ApplyContext {
  deviceId: string;
  /** The pushing device's clinic: rows, actors and rules are read within it, and writes go to it. */
  clinicId: string;
  now: Date;
  /** The features' rules for their tables (table-rules.ts), composed in server/app.ts. */
  rules: TableRules;
  /** The push's proof of who made each change (server/sync/proof/), asked by actor-rules.ts. */
  proofs: PushProofs;
}

/**
 * Applies a push's mutations in order, in ONE transaction under the change-log lock (one lock,
 * one commit; ARCHITECTURE: sync protocol), and answers each: applied, conflict or refused.
 * Idempotent by mutation id: the result is stored with the change, and a retry gets the stored
 * result back without changing anything. A refusal is an answer, not an error: it leaves the
 * server unchanged for that mutation and the others are applied. The batch's state is read in one
 * round trip and kept current as it writes, so a mutation sees the earlier ones of its push.
 */
export async function applyPush(
  db: Knex,
  mutations: readonly Mutation[],
  ctx: ApplyContext,
): Promise<MutationResult[]> {
  const results: (MutationResult | null)[] = mutations.map((mutation) => refuseByShape(mutation));
  const pending = mutations.filter((_, index) => results[index] === null);
  if (pending.length === 0) return results as MutationResult[];
  // Pure CPU, before the lock: the lock is held for the database work only (another push's
  // signatures and digests are computed while this one writes).
  await ctx.proofs.precheck(pending);
  const digests = pending.map((mutation) => createHash('sha256').update(canonicalJson(mutation)).digest('hex'));
  const applied = await withChangeLog(db, { now: ctx.now, clinicId: ctx.clinicId }, async (log) => {
    // Under the change-log lock, so two instances cannot both apply the same retry.
    const state = await BatchState.load(log.trx, pending);
    const plain = pending.map((mutation) => isPlain(mutation, ctx.rules));
    let index = 0;
    // Seqs for the run of plain mutations from here on (and one per conflict beyond, on demand).
    const buffered = new BufferedLog(log, () => {
      const run = plain.slice(index).findIndex((isIt) => !isIt);
      return run < 0 ? plain.length - index : run;
    });
    const writer = state.tracking(buffered);
    const answers: MutationResult[] = [];
    const kept: KeptResult[] = [];
    for (; index < pending.length; index += 1) {
      buffered.immediate = !plain[index];
      // Its checks read rows: the buffered changes go in first.
      if (buffered.immediate) await buffered.release();
      const settle = () => buffered.flush();
      answers.push(await applyOne(writer, settle, state, pending[index]!, digests[index]!, ctx, kept));
    }
    await buffered.release();
    // One JSON parameter for the batch's results: cheaper to build and bind than 6 × 500 values.
    if (kept.length > 0) {
      await log.trx.raw(
        `INSERT INTO mutations (mutation_id, clinic_id, device_id, digest, result, at)
         SELECT mutation_id, ?::uuid, ?::uuid, digest, result, ?::timestamptz
         FROM jsonb_to_recordset(?::jsonb) AS x(mutation_id uuid, digest text, result jsonb)`,
        [ctx.clinicId, ctx.deviceId, ctx.now, JSON.stringify(kept)],
      );
    }
    return answers;
  });
  let next = 0;
  return results.map((result) => result ?? applied[next++]!);
}

/** A mutation's result, stored with the batch (`mutations`) so that a retry gets it back. */
interface KeptResult {
  mutation_id: string;
  digest: string;
  result: MutationResult;
}

/**
 * A mutation whose checks read no row another change of its push may write: not a staff account
 * (the actor's check reads accounts and keys), not a table with rules of its own, not a conflict
 * resolution. Its change may wait in the buffer (buffered-log.ts) until the next read needs it.
 */
function isPlain(mutation: Mutation, rules: TableRules): boolean {
  return !accountTables.has(mutation.table) && mutation.table !== 'sync_conflicts' && !rules.has(mutation.table);
}

async function applyOne(
  log: ChangeLogWriter,
  /** Makes the buffered changes visible to reads in the transaction. */
  settle: () => Promise<void>,
  state: BatchState,
  mutation: Mutation,
  /** SHA-256 of the mutation's canonical JSON: a retry must be the same mutation. */
  digest: string,
  ctx: ApplyContext,
  kept: KeptResult[],
): Promise<MutationResult> {
  const stored = state.storedResult(mutation.mutationId);
  if (stored) {
    if (stored.deviceId === ctx.deviceId && stored.digest === digest) return stored.result;
    return refusal(mutation, 'sync.mutation_reused');
  }
  const found = state.row(mutation.table, mutation.rowId);
  // Ids are global; a row of another clinic is neither changed nor shown (not stored: judged again).
  if (found && found.clinicId !== ctx.clinicId) return refusal(mutation, 'clinic.row_foreign');
  const current = found;
  const actorRow = state.row('staff', mutation.actorId);
  const actor = actorRow?.clinicId === ctx.clinicId ? actorRow.data : undefined;
  // Not stored: who may write depends on the staff records as they are now, so a retry after
  // the actor's account arrived (or changed) is judged again.
  const refused =
    (await refuseByActor(log.trx, mutation, current, actor, ctx.rules.permission(mutation), ctx)) ??
    (await ctx.rules.refuse(log.trx, mutation, current, ctx));
  if (refused) return refused;
  const result = await decide(log, settle, mutation, current, ctx);
  if (result.status === 'applied') await ctx.rules.afterApply(log, mutation, current, ctx.now);
  state.remember(mutation.mutationId, { deviceId: ctx.deviceId, digest, result });
  kept.push({ mutation_id: mutation.mutationId, digest, result });
  return result;
}

async function decide(
  log: ChangeLogWriter,
  settle: () => Promise<void>,
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
  if (overlapping.length > 0) await settle();
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
