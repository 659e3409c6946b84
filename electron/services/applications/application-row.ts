import type { ApplicationView } from '../../../shared/api/application-calls';
import type {
  ActivationChannel,
  AppealOutcome,
  ApplicationChannel,
  ApplicationStatus,
  DenyReason,
} from '../../../shared/domain/application';
import { AppError } from '../../../shared/errors/app-error';
import type { ReadTx } from '../../store/open-store';

/** An `applications` row with the names of who started the review and who decided (`applicationWithNames`). */
export interface ApplicationRow {
  id: string;
  version: number;
  patient_id: string | null;
  account_id: string | null;
  number: string;
  channel: ApplicationChannel;
  urgent: number;
  status: ApplicationStatus;
  submitted_at: string;
  due_at: string;
  consent_id: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  review_started_at: string | null;
  review_started_by: string | null;
  review_started_by_name: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  activation_channel: ActivationChannel | null;
  deny_reason: DenyReason | null;
  deny_note: string | null;
  supply_due: string | null;
  supplied_at: string | null;
  appeal_text: string | null;
  appeal_at: string | null;
  appeal_outcome: AppealOutcome | null;
  appeal_note: string | null;
  appeal_decided_at: string | null;
  activated_at: string | null;
}

export const applicationWithNames = `SELECT a.*, rs.display_name AS review_started_by_name, ds.display_name AS decided_by_name
  FROM applications a LEFT JOIN staff rs ON rs.id = a.review_started_by LEFT JOIN staff ds ON ds.id = a.decided_by`;

/** The statuses whose deadline still runs: past `due_at`, such an application is overdue. */
export const openStatuses: readonly ApplicationStatus[] = ['submitted', 'in_review'];

export function isOverdue(row: Pick<ApplicationRow, 'status' | 'due_at'>, at: string): boolean {
  return openStatuses.includes(row.status) && row.due_at < at;
}

/** The application, or `application.not_found`. */
export function requireApplication(tx: ReadTx, id: string): ApplicationRow {
  const row = tx.get<ApplicationRow>(`${applicationWithNames} WHERE a.id = ?`, [id]);
  if (!row) throw new AppError('application.not_found', { field: 'id' });
  return row;
}

function person(id: string | null, name: string | null): { id: string; name: string } | null {
  return id === null ? null : { id, name: name ?? id };
}

export function toApplicationView(row: ApplicationRow, at: string): ApplicationView {
  return {
    id: row.id,
    number: row.number,
    patientId: row.patient_id,
    accountId: row.account_id,
    channel: row.channel,
    urgent: row.urgent === 1,
    status: row.status,
    submittedAt: row.submitted_at,
    dueAt: row.due_at,
    overdue: isOverdue(row, at),
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    reviewStartedAt: row.review_started_at,
    reviewStartedBy: person(row.review_started_by, row.review_started_by_name),
    decidedAt: row.decided_at,
    decidedBy: person(row.decided_by, row.decided_by_name),
    activationChannel: row.activation_channel,
    denyReason: row.deny_reason,
    denyNote: row.deny_note,
    supplyDue: row.supply_due,
    suppliedAt: row.supplied_at,
    appealText: row.appeal_text,
    appealAt: row.appeal_at,
    appealOutcome: row.appeal_outcome,
    appealNote: row.appeal_note,
    appealDecidedAt: row.appeal_decided_at,
    activatedAt: row.activated_at,
  };
}
