import type { Knex } from 'knex';
import { toNumber } from '../db/values';

/**
 * Why appends are serialised.
 *
 * A sequence hands out numbers before commit, so with concurrent writers seq 11 can commit
 * while seq 10 is still open; a puller that read `seq > 9` then would move its cursor to 11 and
 * never see 10. Every transaction that appends to the log therefore first takes one
 * transaction-scoped advisory lock. Postgres releases it only after the commit is visible, so
 * the next appender draws its seq after the previous one committed: seq order is commit order,
 * and a reader that sees seq N sees every seq below it (gaps are only rolled-back draws, which
 * never fill in later). The lock also serialises the read-check-write of the rows, so no
 * row-level locking is needed on top.
 *
 * The only way to append is through `withChangeLog`, which takes the lock first: correct by
 * construction, not by each caller remembering.
 */
const changeLogLockKey = 0x6d656463; // any constant shared by every appender ('medc')

/** The channel every server instance LISTENs on; the payload is `<clinic id>:<newest seq>`. */
export const changesChannel = 'medcard_changes';

/** A notification's payload: whose change, and its seq; undefined for anything else. */
export function parseChangeNotice(payload: string | undefined): { clinicId: string; seq: number } | undefined {
  const match = /^([0-9a-f-]{36}):(\d{1,15})$/.exec(payload ?? '');
  if (!match) return undefined;
  const seq = Number(match[2]);
  return seq > 0 ? { clinicId: match[1]!, seq } : undefined;
}

export interface RowWrite {
  table: string;
  rowId: string;
  /** The row's whole state after the change. */
  data: Record<string, unknown>;
  /** The row's field versions before the change ({} for a new row). */
  fieldVersions: Record<string, number>;
  /** The fields this change set; each gets the change's seq as its version. */
  changedFields: readonly string[];
  deviceId: string | null;
  mutationId: string | null;
  actorId: string | null;
  actorAt: string | null;
}

/** A change whose seq was reserved beforehand (`reserveSeqs`), to be appended with others in one statement. */
export interface ReservedWrite extends RowWrite {
  seq: number;
}

export interface ChangeLogWriter {
  readonly trx: Knex.Transaction;
  /** The clinic every change of this transaction belongs to: a transaction writes one clinic. */
  readonly clinicId: string;
  /** Appends the change and stores the row's new state; returns the change's seq (= new version). */
  writeRow(write: RowWrite): Promise<number>;
}

/** The writer `withChangeLog` hands out; `reserveSeqs` and `appendReserved` serve a batch (buffered-log.ts). */
export class LockedWriter implements ChangeLogWriter {
  constructor(
    readonly trx: Knex.Transaction,
    readonly clinicId: string,
    private readonly now: Date,
  ) {}

  /*
   * One statement, one round trip, while the lock is held: draw the seq, append the change,
   * store the row with the changed fields stamped with that seq, and queue the NOTIFY. Postgres
   * delivers a NOTIFY on commit and drops it on rollback, so a poke never announces a change
   * that did not happen.
   */
  async writeRow(write: RowWrite): Promise<number> {
    const dataJson = JSON.stringify(write.data);
    const appended = await this.trx.raw<{ rows: { seq: unknown }[] }>(
      `WITH next AS (SELECT nextval(pg_get_serial_sequence('change_log', 'seq')) AS seq),
       log AS (
         INSERT INTO change_log (seq, clinic_id, table_name, row_id, version, data, device_id, mutation_id, actor_id, actor_at, at)
         SELECT next.seq, ?, ?, ?, next.seq, ?::jsonb, ?, ?, ?, ?, ? FROM next
         RETURNING seq
       ),
       stored AS (
         INSERT INTO records (clinic_id, table_name, id, version, data, field_versions, updated_at)
         SELECT ?, ?, ?, log.seq, ?::jsonb,
                ?::jsonb || coalesce((SELECT jsonb_object_agg(field, log.seq) FROM jsonb_array_elements_text(?::jsonb) AS field), '{}'::jsonb),
                ?
         FROM log
         ON CONFLICT (table_name, id) DO UPDATE
           SET version = excluded.version, data = excluded.data,
               field_versions = excluded.field_versions, updated_at = excluded.updated_at
       )
       SELECT seq, pg_notify(?, ? || ':' || seq::text) FROM log`,
      [
        this.clinicId,
        write.table,
        write.rowId,
        dataJson,
        write.deviceId,
        write.mutationId,
        write.actorId,
        write.actorAt,
        this.now,
        this.clinicId,
        write.table,
        write.rowId,
        dataJson,
        JSON.stringify(write.fieldVersions),
        JSON.stringify(write.changedFields),
        this.now,
        changesChannel,
        this.clinicId,
      ],
    );
    return toNumber(appended.rows[0]?.seq);
  }

  /**
   * Reserves `count` consecutive seqs (the first is returned) for `appendReserved`. Safe only
   * under the lock: nobody else draws while it is held, so the block is consecutive; seqs left
   * unused stay gaps, like rolled-back draws, which a pull steps over.
   */
  async reserveSeqs(count: number): Promise<number> {
    const reserved = await this.trx.raw<{ rows: { last: unknown }[] }>(
      `SELECT setval(pg_get_serial_sequence('change_log', 'seq'),
                     nextval(pg_get_serial_sequence('change_log', 'seq')) + ? - 1) AS last`,
      [count],
    );
    return toNumber(reserved.rows[0]?.last) - count + 1;
  }

  /**
   * Appends changes with reserved seqs, in one statement: the log rows, each row's last state
   * (its field versions already stamped by the caller), and one NOTIFY with the newest seq.
   */
  async appendReserved(writes: readonly ReservedWrite[]): Promise<void> {
    if (writes.length === 0) return;
    const input = writes.map((write) => {
      const fieldVersions = { ...write.fieldVersions };
      for (const field of write.changedFields) fieldVersions[field] = write.seq;
      return {
        seq: write.seq,
        table_name: write.table,
        row_id: write.rowId,
        data: write.data,
        field_versions: fieldVersions,
        device_id: write.deviceId,
        mutation_id: write.mutationId,
        actor_id: write.actorId,
        actor_at: write.actorAt,
      };
    });
    await this.trx.raw(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset(?::jsonb) AS x(seq bigint, table_name text, row_id text, data jsonb,
           field_versions jsonb, device_id uuid, mutation_id uuid, actor_id text, actor_at text)
       ),
       log AS (
         INSERT INTO change_log (seq, clinic_id, table_name, row_id, version, data, device_id, mutation_id, actor_id, actor_at, at)
         SELECT seq, ?::uuid, table_name, row_id, seq, data, device_id, mutation_id, actor_id, actor_at, ?::timestamptz
         FROM input
       ),
       stored AS (
         INSERT INTO records (clinic_id, table_name, id, version, data, field_versions, updated_at)
         SELECT DISTINCT ON (table_name, row_id) ?::uuid, table_name, row_id, seq, data, field_versions, ?::timestamptz
         FROM input ORDER BY table_name, row_id, seq DESC
         ON CONFLICT (table_name, id) DO UPDATE
           SET version = excluded.version, data = excluded.data,
               field_versions = excluded.field_versions, updated_at = excluded.updated_at
       )
       SELECT pg_notify(?, ? || ':' || (SELECT max(seq) FROM input)::text)`,
      [JSON.stringify(input), this.clinicId, this.now, this.clinicId, this.now, changesChannel, this.clinicId],
    );
  }
}

/**
 * Runs `work` in a transaction holding the change-log lock: the only way to get a writer. Every
 * change it writes belongs to `clinicId`.
 */
export async function withChangeLog<T>(
  db: Knex,
  scope: { now: Date; clinicId: string },
  work: (log: LockedWriter) => Promise<T>,
): Promise<T> {
  return db.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(?::bigint)', [changeLogLockKey]);
    return work(new LockedWriter(trx, scope.clinicId, scope.now));
  });
}

/** The clinic's newest committed seq (0 while it has none). */
export async function latestSeq(db: Knex, clinicId: string): Promise<number> {
  const row = await db('change_log').where({ clinic_id: clinicId }).max<{ max: unknown }>('seq as max').first();
  return row?.max === null || row?.max === undefined ? 0 : toNumber(row.max);
}

/** Every clinic's newest seq: what a feed that may have missed notifications tells its desks. */
export async function latestSeqs(db: Knex): Promise<Map<string, number>> {
  const rows = await db('change_log')
    .groupBy('clinic_id')
    .select<{ clinic_id: string; max: unknown }[]>('clinic_id', db.raw('max(seq) AS max'));
  return new Map(rows.map((row) => [row.clinic_id, toNumber(row.max)]));
}
