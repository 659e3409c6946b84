import { isoDay } from '../../../shared/domain/calendar-date';
import type { IdentityDocumentView } from '../../../shared/domain/documents/identity-document';
import type { PolicyRejectionReason } from '../../../shared/domain/documents/oms-policy';
import { AppError } from '../../../shared/errors/app-error';
import type { ErrorCode } from '../../../shared/errors/catalog';
import type { ZonedActorContext } from '../../core/context';
import { recordRead, updateRecord } from '../../store/record-door';
import type { DocumentRow } from './document-row';
import { localOmsRegistry, type OmsRegistry, type PolicyToCheck, type PolicyVerdict } from './oms-registry';
import { readDocumentRow, readDocumentView } from './read-documents';

export interface PolicyDecision {
  documentId: string;
  decision: 'confirmed' | 'rejected';
  reason?: PolicyRejectionReason | null;
}

/** The refusal to confirm, by what the check found. */
const checkFailed = {
  wrong_number: 'document.oms.check_failed.wrong_number',
  expired: 'document.oms.check_failed.expired',
  insurer_unknown: 'document.oms.check_failed.insurer_unknown',
  insurer_refused: 'document.oms.check_failed.insurer_refused',
} as const satisfies Record<PolicyRejectionReason, ErrorCode>;

function policyOf(row: DocumentRow): PolicyToCheck {
  if (row.type !== 'oms_policy' || row.form === null || row.insurer_code === null)
    throw new AppError('document.oms.not_policy', { field: 'documentId' });
  return {
    form: row.form,
    series: row.series,
    number: row.number,
    insurerCode: row.insurer_code,
    issueDate: row.issue_date,
    expiryDate: row.expiry_date,
  };
}

/** What the registry says of a recorded policy, before the clerk decides (B7). Audited as a read. */
export async function checkPolicy(
  ctx: ZonedActorContext,
  documentId: string,
  registry: OmsRegistry = localOmsRegistry(ctx),
): Promise<PolicyVerdict> {
  const row = ctx.store.transaction((tx) => {
    const found = readDocumentRow(tx, documentId);
    recordRead({ tx, actor: ctx.actor, at: ctx.clock.now().toISOString() }, 'patients.read', {
      action: 'documents.policy_checked',
      patientId: found.patient_id,
    });
    return found;
  });
  return registry.check(policyOf(row), isoDay(ctx.clock.now(), ctx.timeZone));
}

/**
 * The clerk's decision on an OMS policy (B7), after the registry's check: a policy the check
 * rejects cannot be confirmed; a rejection names its reason. Stored on the policy with who and
 * when, through the door.
 */
export async function confirmPolicy(
  ctx: ZonedActorContext,
  input: PolicyDecision,
  registry: OmsRegistry = localOmsRegistry(ctx),
): Promise<IdentityDocumentView> {
  const reason = input.reason ?? null;
  if (input.decision === 'rejected' && reason === null)
    throw new AppError('document.oms.reason_required', { field: 'reason' });
  if (input.decision === 'confirmed' && reason !== null)
    throw new AppError('document.oms.reason_unexpected', { field: 'reason' });
  const row = ctx.store.transaction((tx) => readDocumentRow(tx, input.documentId));
  const policy = policyOf(row);
  if (row.superseded_at !== null) throw new AppError('document.superseded', { field: 'documentId' });
  const verdict = await registry.check(policy, isoDay(ctx.clock.now(), ctx.timeZone));
  if (input.decision === 'confirmed' && verdict.status === 'rejected') {
    throw new AppError(checkFailed[verdict.reason ?? 'wrong_number'], { field: 'decision' });
  }
  const at = ctx.clock.now().toISOString();
  ctx.store.transaction((tx) => {
    updateRecord(
      { tx, actor: ctx.actor, at },
      'patients.write',
      'identity_documents',
      row.id,
      {
        policy_status: input.decision,
        policy_reason: reason,
        policy_checked_by: ctx.actor.staffId,
        policy_checked_at: at,
      },
      {
        action: input.decision === 'confirmed' ? 'documents.policy_confirmed' : 'documents.policy_rejected',
        patientId: row.patient_id,
        details: { source: verdict.source, check: verdict.status, ...(reason ? { reason } : {}) },
      },
    );
  });
  return readDocumentView(ctx, row.id);
}
