import { documentsSeenSchema } from '../../shared/domain/online-identity';
import { isErrorCode, type ErrorCode } from '../../shared/errors/catalog';
import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import type { ChangeLogWriter } from '../sync/change-log';
import { refusal, type RowState, type TableRule } from '../sync/table-rules';
import { findOnlineIdentity, writeOnlineIdentity } from './online-identity-row';

/** What a desk may write in an online identity row: the in-person verification, nothing else. */
const deskFields: ReadonlySet<string> = new Set([
  'status',
  'verified_at',
  'verified_by',
  'documents_seen',
  'scan_ids',
  'note',
  'updated_at',
  'updated_by',
  'device_id',
]);

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/** The code of the first rule documents_seen breaks, as the desk's own check names it. */
function documentsProblem(value: unknown): ErrorCode | null {
  const parsed = documentsSeenSchema.safeParse(parseJson(value));
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const code = issue?.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
  return typeof code === 'string' && isErrorCode(code) ? code : 'verification.documents_required';
}

function isUuidList(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  const list = parseJson(value);
  return Array.isArray(list) && list.every((id) => typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id));
}

/**
 * A desk's change to `online_identity` (B6): only the server creates the row and counts the
 * portal's attempts; a desk may only move a `locked` row to `verified_in_person`, naming the
 * documents seen (at least one, one with a photo) and the person who checked them — the actor
 * of the change. Runs after the actor's own check (a clerk with `patients.write`), under the
 * change-log lock. Refusals are not stored: the same change gets the same answer.
 */
function refuseOnlineIdentityChange(mutation: Mutation, current: RowState | undefined): MutationResult | null {
  const refuse = (code: ErrorCode, field?: string): MutationResult => refusal(mutation, code, field);
  if (!current) return refuse('verification.not_creatable');
  const foreign = Object.keys(mutation.changed).find((field) => !deskFields.has(field));
  if (foreign !== undefined) return refuse('verification.field_forbidden', foreign);
  if (current.data.status !== 'locked') return refuse('verification.not_locked', 'status');
  const { changed } = mutation;
  if (changed.status !== 'verified_in_person') return refuse('verification.status_forbidden', 'status');
  if (changed.verified_by !== mutation.actorId) return refuse('verification.verifier_mismatch', 'verified_by');
  if (typeof changed.verified_at !== 'string' || Number.isNaN(Date.parse(changed.verified_at)))
    return refuse('api.bad_request', 'verified_at');
  const documents = documentsProblem(changed.documents_seen);
  if (documents) return refuse(documents, 'documents_seen');
  if (!isUuidList(changed.scan_ids)) return refuse('api.bad_request', 'scan_ids');
  return null;
}

/**
 * After a desk's in-person verification is applied, the server clears the failures in the same
 * transaction (a change of its own, made by no desk): online confirmation is unlocked, and the
 * next failures count from zero.
 */
async function resetAfterInPersonVerification(
  log: ChangeLogWriter,
  mutation: Mutation,
  before: RowState | undefined,
  at: Date,
): Promise<void> {
  if (mutation.changed.status !== 'verified_in_person') return;
  // The row as it was before the change: a desk never changes its patient_id (deskFields).
  const patientId = before?.data.patient_id;
  if (typeof patientId !== 'string') return;
  const current = await findOnlineIdentity(log.trx, patientId, log.clinicId);
  if (current) await writeOnlineIdentity(log, patientId, current, { failed_attempts: 0 }, at.toISOString());
}

/** The portal's table, as sync's registry knows it (composed in server/app.ts). */
export const onlineIdentityRule: TableRule = {
  table: 'online_identity',
  refuse: (_trx, mutation, current) => refuseOnlineIdentityChange(mutation, current),
  afterApply: resetAfterInPersonVerification,
};
