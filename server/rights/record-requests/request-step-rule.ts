import type { Knex } from 'knex';
import type { ErrorCode } from '../../../shared/errors/catalog';
import { fileFormats } from '../../../shared/rights/record-requests';
import type { Mutation, MutationResult } from '../../../shared/sync/protocol';
import { requestFiles, formatsOf } from '../../cabinet/record-requests/request-rows';
import { refusal, type RowState, type RuleScope, type TableRule } from '../../sync/table-rules';
import { followFulfilment } from './fulfilment-follow-up';

/**
 * A desk's steps on a patient's record request (issue 14, F3), judged against the server's row.
 * The server writes the request for the cabinet; a desk (`records.release`) only takes it
 * (`in_work`, taken_at/by), hands the paper copy over (paper_handed_at/by, paper_received_by) and
 * finishes it (`done`, fulfilled_at/by) — each in the name of the person who pushes it — and never
 * changes what the patient asked, the number, the deadline, or the server's own marks.
 */
const stamps: readonly string[] = ['updated_at', 'updated_by', 'device_id'];

/** What a desk may write, by step. */
const steps: readonly string[] = [
  'status',
  'taken_at',
  'taken_by',
  'paper_handed_at',
  'paper_handed_by',
  'paper_received_by',
  'fulfilled_at',
  'fulfilled_by',
];

/** The moves a status may make: forward only; a done request stays done. */
const moves: Readonly<Record<string, readonly string[]>> = {
  open: ['open', 'in_work', 'done'],
  in_work: ['in_work', 'done'],
  done: ['done'],
};

const isInstant = (value: unknown): boolean =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;

const isSet = (value: unknown): boolean => value !== null && value !== undefined && value !== '';

type Refuse = (code: ErrorCode, field?: string) => MutationResult;

/** A step's pair of fields: when it is set now, its time is an instant and its person the pusher. */
function refuseStep(
  refuse: Refuse,
  after: Record<string, unknown>,
  changed: Record<string, unknown>,
  actorId: string,
  at: string,
  by: string,
): MutationResult | null {
  if (!(at in changed) && !(by in changed)) return null;
  if (!isInstant(after[at])) return refuse('records.request.instant', at);
  return after[by] === actorId ? null : refuse('records.request.actor_mismatch', by);
}

async function refuseRequestStep(
  trx: Knex.Transaction,
  mutation: Mutation,
  current: RowState | undefined,
  scope: RuleScope,
): Promise<MutationResult | null> {
  const refuse: Refuse = (code, field) => refusal(mutation, code, field);
  if (current === undefined) return refuse('records.request.not_creatable');
  const before = current.data;
  const changed = mutation.changed;
  for (const [field, value] of Object.entries(changed)) {
    if (stamps.includes(field) || steps.includes(field) || (before[field] ?? null) === value) continue;
    return refuse('records.request.field_fixed', field);
  }
  const from = String(before.status);
  const to = String(changed.status ?? from);
  if (from === 'done') return refuse('records.request.done', 'status');
  if (!(moves[from] ?? []).includes(to)) return refuse('records.request.transition', 'status');
  const after = { ...before, ...changed };
  const actor = mutation.actorId;
  const stepRefused =
    refuseStep(refuse, after, changed, actor, 'taken_at', 'taken_by') ??
    refuseStep(refuse, after, changed, actor, 'paper_handed_at', 'paper_handed_by') ??
    refuseStep(refuse, after, changed, actor, 'fulfilled_at', 'fulfilled_by');
  if (stepRefused) return stepRefused;
  if (to !== 'open' && !isSet(after.taken_at)) return refuse('records.request.not_in_work', 'status');
  const formats = formatsOf(after);
  if ('paper_handed_at' in changed || 'paper_received_by' in changed) {
    if (!formats.includes('paper')) return refuse('records.request.paper_not_asked', 'paper_handed_at');
    const receiver = after.paper_received_by;
    if (typeof receiver !== 'string' || receiver.trim() === '' || receiver.length > 500)
      return refuse('records.request.paper_receiver', 'paper_received_by');
  }
  if (to !== 'done') return null;
  if (!isSet(after.fulfilled_at)) return refuse('records.request.instant', 'fulfilled_at');
  // Every asked file format has its file on the server (pushed before, maybe earlier in this push).
  const made = new Set((await requestFiles(trx, scope.clinicId, [mutation.rowId])).map((file) => file.data.format));
  const missing = fileFormats.filter((format) => formats.includes(format) && !made.has(format));
  if (missing.length > 0) return refuse('records.request.files_incomplete', 'status');
  if (formats.includes('paper') && !isSet(after.paper_handed_at))
    return refuse('records.request.paper_not_handed', 'status');
  return null;
}

/** Record requests: the server writes them; a desk with `records.release` takes, hands over and finishes them. */
export const recordRequestStepRule: TableRule = {
  table: 'record_requests',
  permission: 'records.release',
  refuse: refuseRequestStep,
  afterApply: (log, mutation, before, at) => followFulfilment(log, mutation, before, at),
};
