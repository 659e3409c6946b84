import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { z } from 'zod';
import {
  pushRequestSchema,
  syncedTableNames,
  type Change,
  type MutationResult,
  type PullResponse,
  type SnapshotResponse,
} from '../../shared/sync/protocol';
import { deviceOf } from '../auth/device-auth';
import { toNumber, toRecord } from '../db/values';
import { parseOr400 } from '../http/parse';
import { applyPush } from './apply-mutation';
import { pushProofs } from './proof/push-proofs';
import type { StatementVerifier } from './proof/statement-proof';
import { latestSeq } from './change-log';
import type { TableRules } from './table-rules';

const count = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number);
const pageSize = count.pipe(z.number().int().min(1).max(1000));

const pullQuerySchema = z.strictObject({
  since: count,
  limit: pageSize.default(500),
});

const snapshotQuerySchema = z.strictObject({
  after: z
    .string()
    .regex(/^[a-z_]{1,64}:[^:]{1,64}$/)
    .transform((value) => {
      const colon = value.indexOf(':');
      return { table: value.slice(0, colon), id: value.slice(colon + 1) };
    })
    .optional(),
  limit: pageSize.default(500),
  /** Given back by the first page; omitted on the first request. */
  upTo: count.optional(),
});

export interface SyncRouteDeps {
  db: Knex;
  now: () => Date;
  /** The features' rules for desks' writes to their tables. */
  rules: TableRules;
  /** Checks the proven sessions a push carries (server/sync/proof/). */
  proofs: StatementVerifier;
}

type JsonRow = Change['data'];

export function registerSyncRoutes(app: FastifyInstance, deps: SyncRouteDeps): void {
  const { db } = deps;

  // The whole batch in one transaction, in order (apply-mutation.ts); a failure mid-way rolls it
  // all back, and the desk's retry of the batch is judged afresh.
  app.post('/sync/push', async (request): Promise<{ results: MutationResult[] }> => {
    const device = deviceOf(request);
    const { mutations, sessions } = parseOr400(pushRequestSchema, request.body);
    const now = deps.now();
    const proofs = pushProofs(deps.proofs, { deviceId: device.id, now, sessions });
    const ctx = { deviceId: device.id, clinicId: device.clinicId, now, rules: deps.rules, proofs };
    return { results: await applyPush(db, mutations, ctx) };
  });

  // Appends are serialised (change-log.ts), so every seq at or below the newest visible one is
  // committed: reading `seq > since` in order can never step over a change that commits later.
  // A desk reads its clinic's changes only; the seq is global, so its clinic's seqs have gaps.
  app.get('/sync/pull', async (request): Promise<PullResponse> => {
    const { clinicId } = deviceOf(request);
    const query = parseOr400(pullQuerySchema, request.query);
    const rows = await db('change_log')
      .where({ clinic_id: clinicId })
      .where('seq', '>', query.since)
      .orderBy('seq')
      .limit(query.limit + 1)
      .select<{ seq: unknown; table_name: string; row_id: string; version: unknown; data: unknown }[]>(
        'seq',
        'table_name',
        'row_id',
        'version',
        'data',
      );
    const page = rows.slice(0, query.limit);
    const changes: Change[] = page.map((row) => ({
      seq: toNumber(row.seq),
      table: row.table_name,
      rowId: row.row_id,
      version: toNumber(row.version),
      data: toRecord(row.data) as JsonRow,
    }));
    return { changes, cursor: changes.at(-1)?.seq ?? query.since, hasMore: rows.length > query.limit };
  });

  // Rows as of `upTo`, paged by (table, id). A row changed after `upTo` is left out here and
  // reaches the desk through the log, which the desk pulls from `upTo` once the snapshot is in.
  app.get('/sync/snapshot', async (request): Promise<SnapshotResponse> => {
    const { clinicId } = deviceOf(request);
    const query = parseOr400(snapshotQuerySchema, request.query);
    const upTo = query.upTo ?? (await latestSeq(db, clinicId));
    let rowsQuery = db('records')
      .where({ clinic_id: clinicId })
      .where('version', '<=', upTo)
      .whereIn('table_name', syncedTableNames)
      .orderBy([{ column: 'table_name' }, { column: 'id' }])
      .limit(query.limit + 1);
    if (query.after) rowsQuery = rowsQuery.whereRaw('(table_name, id) > (?, ?)', [query.after.table, query.after.id]);
    const [rows, total] = await Promise.all([
      rowsQuery.select<{ table_name: string; id: string; version: unknown; data: unknown }[]>(
        'table_name',
        'id',
        'version',
        'data',
      ),
      db('records')
        .where({ clinic_id: clinicId })
        .where('version', '<=', upTo)
        .whereIn('table_name', syncedTableNames)
        .count<{ n: unknown }[]>('* as n'),
    ]);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      upTo,
      rows: page.map((row) => ({
        table: row.table_name,
        rowId: row.id,
        version: toNumber(row.version),
        data: toRecord(row.data) as JsonRow,
      })),
      after: rows.length > query.limit && last ? `${last.table_name}:${last.id}` : null,
      total: toNumber(total[0]?.n ?? 0),
    };
  });
}
