import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../shared/errors/app-error';
import { localize } from '../../shared/errors/catalog';
import { importPatients, maxPatientCsvBytes, type PatientImportReport } from '../services/patients/import-patients';
import { actingStaffWithProof } from './acting-staff';
import type { Output } from './commands';
import { openDesk } from './open-desk';

/**
 * `medcard import patients FILE.csv --as LOGIN [--report FILE]`: a clinic's patient list from its
 * previous system (format: electron/services/patients/patient-csv.ts), written as the staff
 * member `--as` names (one with `patients.write`). Always needed: these are the clinic's real
 * patients, meant for every desk, and the server refuses rows written by the desk's setup
 * account — they would sit refused on this desk alone. Progress goes to stderr; the report to
 * stdout or `--report FILE`.
 */
export async function importPatientsCommand(
  db: string | undefined,
  path: string,
  as: string | undefined,
  reportPath: string | undefined,
  io: Output,
): Promise<number> {
  if (as === undefined) throw new AppError('cli.as.required', { field: 'as' });
  const size = statSync(path).size;
  if (size > maxPatientCsvBytes)
    throw new AppError('patient_import.file.too_large', { params: { max: maxPatientCsvBytes } });
  const bytes = readFileSync(path);
  const desk = await openDesk({ db, create: false });
  try {
    const ctx = await actingStaffWithProof(desk, as, 'patients.write');
    const started = performance.now();
    const report = importPatients(ctx, bytes, basename(path), {
      onProgress: ({ done, total }) => io.err(`\rrows: ${done} / ${total}`),
    });
    io.err('\n');
    const lines = reportLines(report, (performance.now() - started) / 1000);
    if (reportPath) {
      writeFileSync(reportPath, `${lines.join('\n')}\n`, { mode: 0o600 });
      io.out(
        `Patients from ${report.fileName}: ${report.accepted} accepted, ${report.skipped} already imported, ${report.refused.length} refused`,
      );
      io.out(`Report: ${reportPath}`);
    } else {
      for (const line of lines) io.out(line);
    }
    return 0;
  } finally {
    await desk.store.close();
  }
}

/** The report as text: the counts, then each refused row with its column, code and both texts. */
export function reportLines(report: PatientImportReport, seconds: number): string[] {
  const lines = [
    `Patients from ${report.fileName} (sha256 ${report.sha256})`,
    `  rows: ${report.rows}`,
    `  accepted: ${report.accepted}`,
    `  already imported (skipped): ${report.skipped}`,
    `  refused: ${report.refused.length}`,
    `  possible duplicates (imported, check them): ${report.possibleDuplicates.length}`,
    `  time: ${seconds.toFixed(1)} s`,
  ];
  if (report.refused.length > 0) lines.push('', 'Refused rows:');
  for (const row of report.refused) {
    for (const issue of row.issues) {
      const text = localize(issue.code, issue.params);
      lines.push(`  line ${row.line}: ${issue.field}: ${issue.code} — ${text.ru} / ${text.en}`);
    }
  }
  if (report.possibleDuplicates.length > 0) lines.push('', 'Possible duplicates (imported):');
  for (const row of report.possibleDuplicates) {
    lines.push(
      `  line ${row.line}: patient ${row.patientId} — like ${row.candidates.map((c) => `${c.id} (${c.score})`).join(', ')}`,
    );
  }
  return lines;
}
