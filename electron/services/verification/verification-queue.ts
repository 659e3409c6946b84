import type { VerificationQueueItem } from '../../../shared/api/verification-calls';
import type { ActorContext } from '../../core/context';
import { recordRead } from '../../store/record-door';
import { toSummary, type PatientRow } from '../patients/patient-row';

type QueueRow = Pick<
  PatientRow,
  'id' | 'surname' | 'name' | 'patronymic' | 'birth_date' | 'sex' | 'snils' | 'phone'
> & {
  identity_id: string;
  failed_attempts: number;
  locked_at: string;
};

/**
 * Patients whose online confirmation is locked and who wait for the desk (B6), the longest
 * waiting first. A row whose patient has not reached this desk yet is left out until it does, and
 * so is a card merged into another (B2: the portal knows only the surviving card).
 * The read is audited with the patients it showed (F1).
 */
export function verificationQueue(ctx: ActorContext, limit: number): { items: VerificationQueueItem[]; total: number } {
  return ctx.store.transaction((tx) => {
    const from = `FROM online_identity o JOIN patients p ON p.id = o.patient_id
      WHERE o.status = 'locked' AND p.deleted_at IS NULL AND p.merged_into IS NULL`;
    const rows = tx.all<QueueRow>(
      `SELECT p.id, p.surname, p.name, p.patronymic, p.birth_date, p.sex, p.snils, p.phone, o.id AS identity_id, o.failed_attempts, o.locked_at
       ${from} ORDER BY o.locked_at, p.id LIMIT ?`,
      [limit],
    );
    const total = tx.get<{ n: number }>(`SELECT count(*) AS n ${from}`)?.n ?? 0;
    recordRead({ tx, actor: ctx.actor, at: ctx.clock.now().toISOString() }, 'patients.write', {
      action: 'verification.queue.read',
      details: { patients: rows.map((row) => row.id) },
    });
    return {
      items: rows.map((row) => ({
        identityId: row.identity_id,
        patient: toSummary(row),
        failedAttempts: row.failed_attempts,
        lockedAt: row.locked_at,
      })),
      total,
    };
  });
}

/** How many wait: a number for the rail's counter, no patient data (not a read of records). */
export function verificationCount(ctx: ActorContext): { waiting: number } {
  return ctx.store.transaction((tx) => ({
    waiting:
      tx.get<{ n: number }>(
        `SELECT count(*) AS n FROM online_identity o JOIN patients p ON p.id = o.patient_id
          WHERE o.status = 'locked' AND p.deleted_at IS NULL AND p.merged_into IS NULL`,
      )?.n ?? 0,
  }));
}
