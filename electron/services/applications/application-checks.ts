import type { ApplicationCheckResult } from '../../../shared/api/application-calls';
import type { ApplicationCheck } from '../../../shared/domain/application';
import { consentState } from '../../../shared/domain/consent';
import { identityConfirmed, type OnlineIdentityStatus } from '../../../shared/domain/online-identity';
import type { PolicyStatus } from '../../../shared/domain/documents/oms-policy';
import type { ReadTx } from '../../store/open-store';

/** A check's state before the clerk's marks: whether it is met and why (an i18n key under applications.checks). */
interface CheckState {
  check: ApplicationCheck;
  met: boolean;
  reason: string;
}

function identityCheck(tx: ReadTx, patientId: string): CheckState {
  const row = tx.get<{ status: OnlineIdentityStatus }>('SELECT status FROM online_identity WHERE patient_id = ?', [
    patientId,
  ]);
  const status = row?.status ?? 'none';
  return { check: 'identity', met: identityConfirmed(status), reason: `identity.${status}` };
}

/** Whether the patient has a consent in force at `at` (152-ФЗ art. 9), which one, and why not. */
export function consentInForce(
  tx: ReadTx,
  patientId: string,
  at: string,
): { met: boolean; reason: string; consentId: string | null } {
  const rows = tx
    .all<{ id: string; text_version: string; accepted_at: string; withdrawn_at: string | null }>(
      'SELECT id, text_version, accepted_at, withdrawn_at FROM consents WHERE patient_id = ?',
      [patientId],
    )
    .map((row) => ({
      id: row.id,
      patientId,
      textVersion: row.text_version,
      acceptedAt: row.accepted_at,
      withdrawnAt: row.withdrawn_at,
    }));
  const state = consentState(rows, at);
  return { met: state.valid, reason: `consent.${state.reason}`, consentId: state.current?.id ?? null };
}

function consentCheck(tx: ReadTx, patientId: string, at: string): CheckState {
  const { met, reason } = consentInForce(tx, patientId, at);
  return { check: 'consent', met, reason };
}

/** The patient's OMS policy in use (not removed, not replaced) must be confirmed (B7). */
function policyCheck(tx: ReadTx, patientId: string): CheckState {
  const policies = tx.all<{ policy_status: PolicyStatus | null }>(
    `SELECT policy_status FROM identity_documents
      WHERE patient_id = ? AND type = 'oms_policy' AND deleted_at IS NULL AND superseded_at IS NULL`,
    [patientId],
  );
  if (policies.some((row) => row.policy_status === 'confirmed'))
    return { check: 'policy', met: true, reason: 'policy.confirmed' };
  if (policies.length === 0) return { check: 'policy', met: false, reason: 'policy.none' };
  const rejected = policies.every((row) => row.policy_status === 'rejected');
  return { check: 'policy', met: false, reason: rejected ? 'policy.rejected' : 'policy.unchecked' };
}

/**
 * Where each check is fixed: the card's tab (the card opens on it) or, for a locked identity,
 * the verification queue.
 */
function fixOf(check: ApplicationCheck, patientId: string, reason: string): ApplicationCheckResult['fix'] {
  if (check === 'identity')
    return reason === 'identity.locked'
      ? { kind: 'verification', route: '/verification' }
      : { kind: 'verification', route: `/patients/${patientId}?tab=online` };
  if (check === 'consent') return { kind: 'consent', route: `/patients/${patientId}?tab=consent` };
  return { kind: 'documents', route: `/patients/${patientId}?tab=documents` };
}

/**
 * The three checks of C3, computed on the desk from what it holds, as the server judges a
 * decision: identity confirmed (online or in person), a consent in force, the OMS policy confirmed.
 * `finished` — the checks the clerk marked done. Without a patient (not synced yet) none is met.
 */
export function applicationChecks(
  tx: ReadTx,
  patientId: string | null,
  at: string,
  finished: ReadonlySet<ApplicationCheck>,
): ApplicationCheckResult[] {
  if (patientId === null)
    return (['identity', 'consent', 'policy'] as const).map((check) => ({
      check,
      met: false,
      reason: 'patient_missing',
      finished: false,
      fix: {
        kind: check === 'identity' ? 'verification' : check === 'consent' ? 'consent' : 'documents',
        route: '/patients',
      },
    }));
  const states: CheckState[] = [
    identityCheck(tx, patientId),
    consentCheck(tx, patientId, at),
    policyCheck(tx, patientId),
  ];
  return states.map((state) => ({
    ...state,
    finished: finished.has(state.check),
    fix: fixOf(state.check, patientId, state.reason),
  }));
}
