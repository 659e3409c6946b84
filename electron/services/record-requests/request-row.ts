import type {
  PaperReceiver,
  RecordRequestDetail,
  RecordRequestFile,
  RecordRequestItem,
} from '../../../shared/api/record-request-calls';
import { paperReceiverSchema } from '../../../shared/api/record-request-calls';
import { moscowDay } from '../../../shared/domain/application-deadline';
import type { BusinessCalendar } from '../../../shared/domain/business-days';
import type { Sex } from '../../../shared/domain/patient';
import { AppError } from '../../../shared/errors/app-error';
import {
  fileFormats,
  recordFormats,
  recordMaterialsSchema,
  type FileFormat,
  type RecordFormat,
  type RecordMaterials,
  type RecordRequestStatus,
} from '../../../shared/rights/record-requests';
import type { ReadTx } from '../../store/open-store';
import { toSummary } from '../patients/patient-row';

/** A `record_requests` row joined with its patient's summary and the names of the staff who acted. */
export interface RequestRow {
  id: string;
  patient_id: string;
  number: string;
  purpose: string;
  materials: string;
  formats: string;
  status: RecordRequestStatus;
  submitted_at: string;
  due_on: string;
  escalated_at: string | null;
  taken_at: string | null;
  taken_by: string | null;
  taken_by_name: string | null;
  paper_handed_at: string | null;
  paper_handed_by: string | null;
  paper_handed_by_name: string | null;
  paper_received_by: string | null;
  fulfilled_at: string | null;
  fulfilled_by: string | null;
  fulfilled_by_name: string | null;
  available_until: string | null;
  surname: string;
  name: string;
  patronymic: string | null;
  birth_date: string;
  sex: Sex;
  snils: string | null;
  phone: string | null;
}

/**
 * The request with its patient: an inner join, so a request whose card has not reached this desk
 * is not one the desk can fulfil (it is `records.request.not_found` here until the card arrives).
 */
export const requestWithNames = `SELECT r.id, r.patient_id, r.number, r.purpose, r.materials, r.formats, r.status,
    r.submitted_at, r.due_on, r.escalated_at, r.taken_at, r.taken_by, r.paper_handed_at, r.paper_handed_by,
    r.paper_received_by, r.fulfilled_at, r.fulfilled_by, r.available_until,
    p.surname, p.name, p.patronymic, p.birth_date, p.sex, p.snils, p.phone,
    ts.display_name AS taken_by_name, ps.display_name AS paper_handed_by_name, fs.display_name AS fulfilled_by_name
  FROM record_requests r JOIN patients p ON p.id = r.patient_id
  LEFT JOIN staff ts ON ts.id = r.taken_by LEFT JOIN staff ps ON ps.id = r.paper_handed_by
  LEFT JOIN staff fs ON fs.id = r.fulfilled_by`;

/** The request (with a known patient), or `records.request.not_found`. */
export function requireRequest(tx: ReadTx, id: string): RequestRow {
  const row = tx.get<RequestRow>(`${requestWithNames} WHERE r.id = ?`, [id]);
  if (!row) throw new AppError('records.request.not_found', { field: 'id' });
  return row;
}

/** The asked formats as the row keeps them (JSON text written by the server); unknown words are dropped. */
export function formatsOf(row: Pick<RequestRow, 'formats'>): RecordFormat[] {
  const parsed = parseJson(row.formats);
  return Array.isArray(parsed) ? recordFormats.filter((format) => parsed.includes(format)) : [];
}

export function fileFormatsOf(row: Pick<RequestRow, 'formats'>): FileFormat[] {
  const asked = formatsOf(row);
  return fileFormats.filter((format) => asked.includes(format));
}

/** What the patient asked for; null when the row's JSON cannot be read (never widened to the whole record). */
export function materialsOf(row: Pick<RequestRow, 'materials'>): RecordMaterials | null {
  const parsed = recordMaterialsSchema.safeParse(parseJson(row.materials));
  return parsed.success ? parsed.data : null;
}

export function receiverOf(text: string | null): PaperReceiver | null {
  if (text === null) return null;
  const parsed = paperReceiverSchema.safeParse(parseJson(text));
  // A receiver written some other way (by hand, by an older desk) is still somebody: their words.
  return parsed.success ? parsed.data : { kind: 'representative', name: text };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Overdue: not done and today (the clinic's day, Moscow) is past the due date. */
export function isOverdue(row: Pick<RequestRow, 'status' | 'due_on'>, at: string): boolean {
  return row.status !== 'done' && moscowDay(at) > row.due_on;
}

/**
 * Working days from today to the due date (negative: overdue by so many); null for a done request
 * or where the desk's production calendar lacks a year in between.
 */
export function daysLeft(
  row: Pick<RequestRow, 'status' | 'due_on'>,
  at: string,
  calendar: BusinessCalendar,
): number | null {
  if (row.status === 'done') return null;
  try {
    return calendar.businessDaysBetween(moscowDay(at), row.due_on);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

function person(id: string | null, name: string | null): { id: string; name: string } | null {
  return id === null ? null : { id, name: name ?? id };
}

export function toItem(row: RequestRow, at: string, calendar: BusinessCalendar): RecordRequestItem {
  return {
    id: row.id,
    number: row.number,
    patient: toSummary({ ...row, id: row.patient_id }),
    purpose: row.purpose,
    materials: materialsOf(row),
    formats: formatsOf(row),
    status: row.status,
    submittedAt: row.submitted_at,
    dueOn: row.due_on,
    daysLeft: daysLeft(row, at, calendar),
    overdue: isOverdue(row, at),
    escalatedAt: row.escalated_at,
    takenBy: person(row.taken_by, row.taken_by_name),
  };
}

type FileRow = {
  id: string;
  format: FileFormat;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  withheld: number;
  created_at: string;
};

export function requestFiles(tx: ReadTx, requestId: string): RecordRequestFile[] {
  return tx
    .all<FileRow>(
      `SELECT id, format, file_name, mime, size, sha256, withheld, created_at FROM record_request_files
        WHERE request_id = ? ORDER BY created_at, id`,
      [requestId],
    )
    .map((row) => ({
      id: row.id,
      format: row.format,
      fileName: row.file_name,
      mime: row.mime,
      size: row.size,
      sha256: row.sha256,
      withheld: row.withheld,
      createdAt: row.created_at,
    }));
}

/** What the request still owes: asked file formats without a file, then the paper copy if not handed. */
export function missingOf(row: RequestRow, files: readonly Pick<RecordRequestFile, 'format'>[]): RecordFormat[] {
  const made = new Set(files.map((file) => file.format));
  const missing: RecordFormat[] = fileFormatsOf(row).filter((format) => !made.has(format));
  if (formatsOf(row).includes('paper') && row.paper_handed_at === null) missing.push('paper');
  return missing;
}

export function requestDetail(
  tx: ReadTx,
  id: string,
  at: string,
  calendar: BusinessCalendar,
  jobs: RecordRequestDetail['jobs'] = [],
): RecordRequestDetail {
  const row = requireRequest(tx, id);
  const files = requestFiles(tx, id);
  return {
    request: {
      ...toItem(row, at, calendar),
      takenAt: row.taken_at,
      paperHandedAt: row.paper_handed_at,
      paperHandedBy: person(row.paper_handed_by, row.paper_handed_by_name),
      paperReceivedBy: receiverOf(row.paper_received_by),
      fulfilledAt: row.fulfilled_at,
      fulfilledBy: person(row.fulfilled_by, row.fulfilled_by_name),
      availableUntil: row.available_until,
    },
    files,
    missing: missingOf(row, files),
    jobs,
  };
}
