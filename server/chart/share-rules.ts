import type { Knex } from 'knex';
import { recipientSchema, shareScopes } from '../../shared/chart/sharing';
import type { ErrorCode } from '../../shared/errors/catalog';
import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import { toRecord } from '../db/values';
import { refusal, type RowState, type RuleScope, type TableRule } from '../sync/table-rules';
import { consentById, shareEntryIds, shareProblem } from './sharing/share-consent-state';
import { queueShareMail } from './sharing/share-mail';

/**
 * Consents to share and the sendings under them (D6), judged by the server whatever the desk
 * said. A consent comes from a desk (given in person, `given_via` 'desk') or from the cabinet
 * (written by the server); after that only its revocation may change, once (oneWayFields). A
 * sending is refused unless its consent is in force here and now and covers every entry; once
 * applied, its e-mail to the recipient is queued in the same transaction (sharing/share-mail.ts).
 */
const revocationFields = ['revoked_at', 'revoked_by', 'revocation_reason'];
const stamps = ['updated_at', 'updated_by', 'device_id'];

/** The push's clock: sync's context carries it beside the clinic (tests move it). */
function nowOf(scope: RuleScope): Date {
  const now = (scope as RuleScope & { now?: unknown }).now;
  return now instanceof Date ? now : new Date();
}

function parsedJson(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

async function refuseConsent(
  trx: Knex.Transaction,
  mutation: Mutation,
  current: RowState | undefined,
  scope: RuleScope,
): Promise<MutationResult | null> {
  const refuse = (code: ErrorCode, field?: string) => refusal(mutation, code, field);
  const changed = mutation.changed;
  if (current) {
    const moved = Object.keys(changed).filter(
      (field) => !stamps.includes(field) && !revocationFields.includes(field) && current.data[field] !== changed[field],
    );
    if (moved.length > 0) return refuse('chart.share.immutable', moved[0]);
    if (changed.revoked_by !== undefined && changed.revoked_by !== mutation.actorId)
      return refuse('chart.share.consent_invalid', 'revoked_by');
    return null;
  }
  if (changed.given_via !== 'desk') return refuse('chart.share.consent_invalid', 'given_via');
  if (changed.given_by !== mutation.actorId) return refuse('chart.share.consent_invalid', 'given_by');
  if (!recipientSchema.safeParse(parsedJson(changed.recipient)).success)
    return refuse('chart.share.consent_invalid', 'recipient');
  const scopeWord = shareScopes.find((word) => word === changed.scope);
  if (!scopeWord) return refuse('chart.share.consent_invalid', 'scope');
  const entryIds = shareEntryIds(changed.entry_ids);
  if (scopeWord === 'entries' && entryIds.length === 0) return refuse('chart.share.consent_invalid', 'entry_ids');
  if (revocationFields.some((field) => (changed[field] ?? null) !== null))
    return refuse('chart.share.consent_invalid', 'revoked_at');
  const patient = await trx('records')
    .where({ table_name: 'patients', clinic_id: scope.clinicId, id: String(changed.patient_id ?? '') })
    .first<{ id: string } | undefined>('id');
  if (!patient) return refuse('chart.share.consent_invalid', 'patient_id');
  return null;
}

async function refuseShare(
  trx: Knex.Transaction,
  mutation: Mutation,
  current: RowState | undefined,
  scope: RuleScope,
): Promise<MutationResult | null> {
  if (current) return refusal(mutation, 'chart.share.immutable');
  const changed = mutation.changed;
  if ((changed.sent_at ?? null) !== null) return refusal(mutation, 'chart.share.immutable', 'sent_at');
  if (changed.shared_by !== mutation.actorId) return refusal(mutation, 'chart.share.consent_invalid', 'shared_by');
  const consent = await consentById(trx, scope.clinicId, String(changed.consent_id ?? ''));
  const entryIds = shareEntryIds(changed.entry_ids);
  const problem = await shareProblem(
    trx,
    scope.clinicId,
    consent,
    String(changed.patient_id ?? ''),
    entryIds,
    nowOf(scope),
  );
  return problem ? refusal(mutation, problem.code, problem.field) : null;
}

export const shareRules: readonly TableRule[] = [
  { table: 'share_consents', permission: 'chart.write', refuse: refuseConsent },
  {
    table: 'chart_shares',
    permission: 'chart.write',
    refuse: refuseShare,
    async afterApply(log, mutation, before, at) {
      if (before) return;
      const row = await log
        .trx('records')
        .where({ table_name: 'chart_shares', clinic_id: log.clinicId, id: mutation.rowId })
        .first<{ data: unknown } | undefined>('data');
      if (!row) return;
      const data = toRecord(row.data);
      const consent = await consentById(log.trx, log.clinicId, String(data.consent_id ?? ''));
      if (!consent) return;
      await queueShareMail(
        log.trx,
        { clinicId: log.clinicId, patientId: String(data.patient_id ?? ''), entryIds: shareEntryIds(data.entry_ids) },
        consent,
        at,
      );
    },
  },
];
