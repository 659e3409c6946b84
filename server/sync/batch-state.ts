import type { Knex } from 'knex';
import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import { toNumber, toRecord } from '../db/values';
import type { ChangeLogWriter, RowWrite } from './change-log';

export type FieldValue = string | number | boolean | null;

/** A row as the server holds it, with the clinic it belongs to. */
export interface StoredRecord {
  clinicId: string;
  version: number;
  data: Record<string, FieldValue>;
  fieldVersions: Record<string, number>;
}

/** The result kept for a mutation that reached the database (idempotent retries). */
export interface StoredMutation {
  deviceId: string;
  digest: string;
  result: MutationResult;
}

const rowKey = (table: string, id: string) => `${table}\u0000${id}`;

/**
 * What a push needs from the database, read once for the whole batch under the change-log lock
 * (one round trip): the stored results of its mutation ids, the rows it touches and its actors'
 * staff rows. Kept current as the batch writes (`tracking`), so a later mutation of the same push
 * sees an earlier one's row — the first admin's row before their clerks.
 */
export class BatchState {
  private constructor(
    private readonly rows: Map<string, StoredRecord | undefined>,
    private readonly stored: Map<string, StoredMutation>,
  ) {}

  static async load(trx: Knex.Transaction, mutations: readonly Mutation[]): Promise<BatchState> {
    const keys = new Map<string, [string, string]>();
    for (const mutation of mutations) {
      keys.set(rowKey(mutation.table, mutation.rowId), [mutation.table, mutation.rowId]);
      keys.set(rowKey('staff', mutation.actorId), ['staff', mutation.actorId]);
    }
    const pairs = [...keys.values()];
    const ids = [...new Set(mutations.map((mutation) => mutation.mutationId))];
    // Keys travel as one JSON parameter each: a long IN list of parameters plans and binds slowly.
    const result = await trx.raw<{ rows: { stored: unknown; records: unknown }[] }>(
      `SELECT
         (SELECT coalesce(jsonb_agg(to_jsonb(m)), '[]'::jsonb) FROM (
            SELECT mutation_id, device_id, digest, result FROM mutations
            WHERE mutation_id IN (SELECT value::uuid FROM jsonb_array_elements_text(?::jsonb))) AS m) AS stored,
         (SELECT coalesce(jsonb_agg(to_jsonb(r)), '[]'::jsonb) FROM (
            SELECT table_name, id, clinic_id, version, data, field_versions FROM records
            WHERE (table_name, id) IN (SELECT t, i FROM jsonb_to_recordset(?::jsonb) AS k(t text, i text))) AS r) AS records`,
      [JSON.stringify(ids), JSON.stringify(pairs.map(([t, i]) => ({ t, i })))],
    );
    const row = result.rows[0];
    const rows = new Map<string, StoredRecord | undefined>();
    for (const key of keys.keys()) rows.set(key, undefined);
    for (const record of asArray(row?.records)) {
      const fieldVersions: Record<string, number> = {};
      for (const [field, seq] of Object.entries(toRecord(record.field_versions))) fieldVersions[field] = toNumber(seq);
      rows.set(rowKey(String(record.table_name), String(record.id)), {
        clinicId: String(record.clinic_id),
        version: toNumber(record.version),
        data: toRecord(record.data) as Record<string, FieldValue>,
        fieldVersions,
      });
    }
    const stored = new Map<string, StoredMutation>();
    for (const found of asArray(row?.stored)) {
      stored.set(String(found.mutation_id), {
        deviceId: String(found.device_id),
        digest: String(found.digest),
        result: toRecord(found.result) as unknown as MutationResult,
      });
    }
    return new BatchState(rows, stored);
  }

  /** The row as it is now in this transaction (undefined when the server has none). */
  row(table: string, id: string): StoredRecord | undefined {
    return this.rows.get(rowKey(table, id));
  }

  storedResult(mutationId: string): StoredMutation | undefined {
    return this.stored.get(mutationId);
  }

  remember(mutationId: string, stored: StoredMutation): void {
    this.stored.set(mutationId, stored);
  }

  /** A writer that keeps this state current with every row it writes. */
  tracking(log: ChangeLogWriter): ChangeLogWriter {
    return {
      trx: log.trx,
      clinicId: log.clinicId,
      writeRow: async (write: RowWrite) => {
        const seq = await log.writeRow(write);
        const fieldVersions = { ...write.fieldVersions };
        for (const field of write.changedFields) fieldVersions[field] = seq;
        this.rows.set(rowKey(write.table, write.rowId), {
          clinicId: log.clinicId,
          version: seq,
          data: write.data as Record<string, FieldValue>,
          fieldVersions,
        });
        return seq;
      },
    };
  }
}

function asArray(value: unknown): Record<string, unknown>[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.map((item) => toRecord(item)) : [];
}
