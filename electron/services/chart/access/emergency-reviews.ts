import type { z } from 'zod';
import type { ReviewItem } from '../../../../shared/api/chart-access-calls';
import type { CallOutput, Contract } from '../../../../shared/api/contract';
import { AppError } from '../../../../shared/errors/app-error';
import { rightsActions } from '../../../../shared/rights/access-actions';
import type { EmergencyReason, EmergencyVerdict } from '../../../../shared/rights/restrictions';
import type { ActorContext } from '../../../core/context';
import type { ReadTx } from '../../../store/open-store';
import { recordRead, updateRecord } from '../../../store/record-door';

type ReviewsInput = z.output<Contract['chartAccess.reviews']['input']>;
type ReviewInput = z.output<Contract['chartAccess.review']['input']>;

interface GrantRow {
  id: string;
  patient_id: string;
  staff_id: string;
  staff_name: string | null;
  entry_id: string | null;
  reason_code: EmergencyReason;
  reason_text: string;
  started_at: string;
  expires_at: string;
  review_verdict: EmergencyVerdict | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
  reviewer_name: string | null;
  review_note: string | null;
  surname: string | null;
  name: string | null;
  patronymic: string | null;
}

const grantSelect = `SELECT g.id, g.patient_id, g.staff_id, s.display_name AS staff_name, g.entry_id, g.reason_code,
    g.reason_text, g.started_at, g.expires_at, g.review_verdict, g.reviewed_at, g.reviewed_by,
    r.display_name AS reviewer_name, g.review_note, p.surname, p.name, p.patronymic
  FROM emergency_access g
  LEFT JOIN staff s ON s.id = g.staff_id
  LEFT JOIN staff r ON r.id = g.reviewed_by
  LEFT JOIN patients p ON p.id = g.patient_id`;

const filters: Record<ReviewsInput['status'], string> = {
  pending: 'WHERE g.review_verdict IS NULL',
  reviewed: 'WHERE g.review_verdict IS NOT NULL',
  all: '',
};

/** The audited reads this desk's chain holds under the grant (`details.emergencyAccessId`). */
function readsUnder(tx: ReadTx, row: GrantRow): number {
  return (
    tx.get<{ n: number }>(
      `SELECT count(*) AS n FROM audit_events
        WHERE patient_id = ? AND actor_id = ? AND action <> ? AND json_extract(details, '$.emergencyAccessId') = ?`,
      [row.patient_id, row.staff_id, rightsActions.emergencyStarted, row.id],
    )?.n ?? 0
  );
}

function toItem(tx: ReadTx, row: GrantRow): ReviewItem {
  const patientName =
    row.surname === null ? null : [row.surname, row.name, row.patronymic].filter((part) => part).join(' ');
  return {
    id: row.id,
    patientId: row.patient_id,
    entryId: row.entry_id,
    reasonCode: row.reason_code,
    reasonText: row.reason_text,
    startedAt: row.started_at,
    expiresAt: row.expires_at,
    staff: { id: row.staff_id, name: row.staff_name ?? row.staff_id },
    patientName,
    reads: readsUnder(tx, row),
    verdict: row.review_verdict,
    reviewedAt: row.reviewed_at,
    reviewedBy: row.reviewed_by === null ? null : { id: row.reviewed_by, name: row.reviewer_name ?? row.reviewed_by },
    reviewNote: row.review_note,
  };
}

function requireGrant(tx: ReadTx, id: string): GrantRow {
  const row = tx.get<GrantRow>(`${grantSelect} WHERE g.id = ?`, [id]);
  if (!row) throw new AppError('chart.emergency.not_found', { field: 'id' });
  return row;
}

/**
 * The auditor's queue of break-the-glass grants, newest first: who, which patient, why, when, and
 * how many reads were made under each; with the count still waiting for a verdict. Audited with
 * the patients it showed (F1).
 */
export function emergencyReviews(ctx: ActorContext, input: ReviewsInput): CallOutput<'chartAccess.reviews'> {
  return ctx.store.transaction((tx) => {
    const at = ctx.clock.now().toISOString();
    const rows = tx.all<GrantRow>(
      `${grantSelect} ${filters[input.status]} ORDER BY g.started_at DESC, g.id DESC LIMIT ?`,
      [input.limit],
    );
    recordRead({ tx, actor: ctx.actor, at }, 'audit.read', {
      action: 'chartAccess.reviews',
      details: { status: input.status, patients: [...new Set(rows.map((row) => row.patient_id))] },
    });
    const pending =
      tx.get<{ n: number }>('SELECT count(*) AS n FROM emergency_access WHERE review_verdict IS NULL')?.n ?? 0;
    return { items: rows.map((row) => toItem(tx, row)), pending };
  });
}

/** The auditor's verdict on one grant, once (`chart.emergency.reviewed`). */
export function reviewEmergency(ctx: ActorContext, input: ReviewInput): CallOutput<'chartAccess.review'> {
  return ctx.store.transaction((tx) => {
    const at = ctx.clock.now().toISOString();
    const current = requireGrant(tx, input.id);
    if (current.review_verdict !== null) throw new AppError('chart.emergency.reviewed', { field: 'id' });
    updateRecord(
      { tx, actor: ctx.actor, at },
      'audit.read',
      'emergency_access',
      input.id,
      {
        review_verdict: input.verdict,
        reviewed_at: at,
        reviewed_by: ctx.actor.staffId,
        review_note: input.note === '' ? null : input.note,
      },
      {
        action: rightsActions.emergencyReviewed,
        patientId: current.patient_id,
        details: { emergencyAccessId: input.id, verdict: input.verdict },
      },
    );
    return toItem(tx, requireGrant(tx, input.id));
  });
}
