import { createHash } from 'node:crypto';
import { isoDay } from '../../../shared/domain/calendar-date';
import { patientDraftSchema, type PatientDraft } from '../../../shared/domain/patient';
import { canonicalJson } from '../../../shared/canonical-json';
import { AppError, type FieldIssue } from '../../../shared/errors/app-error';
import type { ZonedActorContext } from '../../core/context';
import { toFieldIssues } from '../../../shared/errors/zod-issues';
import { appendAudit } from '../../store/audit-log';
import { recordImportedRow } from '../../store/local-writers/patient-import-rows';
import type { Tx } from '../../store/open-store';
import { assertBirthDateNotFuture, insertPatient } from './create-patient';
import { findCandidates, hardStopIssues } from './duplicate-candidates';
import { columnOfField, readPatientCsv, type CsvPatientRow } from './patient-csv';

/** The default bound on a file: about 1.5 million rows of a typical list. */
export const maxPatientCsvBytes = 256 * 1024 * 1024;
/** Rows per transaction: large enough to be fast, small enough that a crash loses little. */
const batchSize = 1000;

export interface RefusedPatientRow {
  line: number;
  /** Each problem of the row; `field` is the file's column (or `line` for the row's shape). */
  issues: FieldIssue[];
}

export interface PossibleDuplicateRow {
  line: number;
  patientId: string;
  /** The existing cards the scorer found close (same birth date, similar names), best first. */
  candidates: { id: string; score: number }[];
}

export interface PatientImportReport {
  fileName: string;
  sha256: string;
  rows: number;
  accepted: number;
  /** Rows an earlier run of this or another file already imported (the run resumed). */
  skipped: number;
  refused: RefusedPatientRow[];
  /** Imported, but worth a clerk's look: possible duplicates without a shared identifier. */
  possibleDuplicates: PossibleDuplicateRow[];
}

export interface PatientImportOptions {
  maxBytes?: number;
  onProgress?: (progress: { done: number; total: number }) => void;
}

type RowOutcome =
  | { kind: 'accepted'; patientId: string; candidates: { id: string; score: number }[] }
  | { kind: 'skipped' }
  | { kind: 'refused'; issues: FieldIssue[] };

/**
 * Imports a clinic's patient list (B2), each row checked as the enrolment form checks it (the same
 * schema, the same birth-date rule, the same duplicate check): a row is enrolled whole through
 * the door or not at all. A shared SNILS/ЕНП/INN with a card in the store — or with an earlier row
 * of the file — refuses the row (a merge is a person's decision); a possible duplicate by name and
 * birth date is enrolled and listed in the report. Rows go in 1,000 per transaction; each
 * enrolled row's hash is kept, so a re-run (after a crash, or of a corrected file) skips them.
 */
export function importPatients(
  ctx: ZonedActorContext,
  bytes: Uint8Array,
  fileName: string,
  options: PatientImportOptions = {},
): PatientImportReport {
  const max = options.maxBytes ?? maxPatientCsvBytes;
  if (bytes.byteLength > max) throw new AppError('patient_import.file.too_large', { params: { max } });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { rows } = readPatientCsv(bytes);
  const report: PatientImportReport = {
    fileName,
    sha256,
    rows: rows.length,
    accepted: 0,
    skipped: 0,
    refused: [],
    possibleDuplicates: [],
  };
  const today = isoDay(ctx.clock.now(), ctx.timeZone);
  const firstLineOf = new Map<string, number>();

  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    ctx.store.transaction((tx) => {
      const at = ctx.clock.now().toISOString();
      for (const row of batch) {
        const outcome = importRow(tx, ctx, row, { today, at, fileName, firstLineOf });
        if (outcome.kind === 'accepted') {
          report.accepted += 1;
          if (outcome.candidates.length > 0)
            report.possibleDuplicates.push({
              line: row.line,
              patientId: outcome.patientId,
              candidates: outcome.candidates,
            });
        } else if (outcome.kind === 'skipped') {
          report.skipped += 1;
        } else {
          report.refused.push({ line: row.line, issues: outcome.issues });
        }
      }
      if (start + batchSize >= rows.length) {
        appendAudit(tx, ctx.actor, at, {
          action: 'patients.imported',
          details: {
            fileName,
            sha256,
            rows: report.rows,
            accepted: report.accepted,
            skipped: report.skipped,
            refused: report.refused.length,
          },
        });
      }
    });
    options.onProgress?.({ done: Math.min(start + batchSize, rows.length), total: rows.length });
  }
  return report;
}

function importRow(
  tx: Tx,
  ctx: ZonedActorContext,
  row: CsvPatientRow,
  run: { today: string; at: string; fileName: string; firstLineOf: Map<string, number> },
): RowOutcome {
  if ('issues' in row) return { kind: 'refused', issues: row.issues };
  const parsed = patientDraftSchema.safeParse(row.input);
  if (!parsed.success) return { kind: 'refused', issues: toFieldIssues(parsed.error, row.input).map(inFileTerms) };
  const draft = parsed.data;
  try {
    assertBirthDateNotFuture(draft, run.today);
  } catch (error) {
    if (error instanceof AppError) return { kind: 'refused', issues: [{ code: error.code, field: 'birth_date' }] };
    throw error;
  }

  const hash = rowHash(draft);
  const earlier = run.firstLineOf.get(hash);
  if (earlier !== undefined)
    return {
      kind: 'refused',
      issues: [{ code: 'patient_import.row.repeated', field: 'line', params: { line: earlier } }],
    };
  run.firstLineOf.set(hash, row.line);
  if (tx.get('SELECT 1 FROM patient_import_rows WHERE row_sha256 = ?', [hash])) return { kind: 'skipped' };

  const found = findCandidates(tx, draft);
  if (found.some(({ match }) => match.hardStop)) return { kind: 'refused', issues: hardStopIssues(tx, draft) };
  const patientId = insertPatient(tx, ctx, draft, run.at);
  recordImportedRow(tx, { rowSha256: hash, patientId, sourceName: run.fileName, line: row.line, importedAt: run.at });
  return { kind: 'accepted', patientId, candidates: found.map(({ match }) => ({ id: match.id, score: match.score })) };
}

/**
 * The row as the schema read it: spelling of whitespace, dates or phones does not make a new row.
 * A field added later (the address, 0013) counts only when given, so a row imported before it
 * existed is still recognised when the file is run again.
 */
function rowHash(draft: PatientDraft): string {
  const { address, ...before } = draft;
  return createHash('sha256')
    .update(canonicalJson(address === null ? before : draft))
    .digest('hex');
}

function inFileTerms(issue: FieldIssue): FieldIssue {
  return { ...issue, field: columnOfField[issue.field] ?? issue.field };
}
