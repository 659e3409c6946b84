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
import { applyMutation } from './apply-mutation';
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
}

type JsonRow = Change['data'];

export function registerSyncRoutes(app: FastifyInstance, deps: SyncRouteDeps): void {
  const { db } = deps;

  // Each mutation in its own transaction, in order; a failure mid-way leaves the earlier ones
  // applied and stored, so the desk's retry of the whole batch gets their results back.
  app.post('/sync/push', async (request) => {
    const device = deviceOf(request);
    const { mutations } = parseOr400(pushRequestSchema, request.body);
    const results: MutationResult[] = [];
    for (const mutation of mutations) {
      results.push(await applyMutation(db, mutation, { deviceId: device.id, now: deps.now(), rules: deps.rules }));
    }
    return { results };
  });

  // Appends are serialised (change-log.ts), so every seq at or below the newest visible one is
  // committed: reading `seq > since` in order can never step over a change that commits later.
  app.get('/sync/pull', async (request): Promise<PullResponse> => {
    const query = parseOr400(pullQuerySchema, request.query);
    const rows = await db('change_log')
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
    const query = parseOr400(snapshotQuerySchema, request.query);
    const upTo = query.upTo ?? (await latestSeq(db));
    let rowsQuery = db('records')
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
