import { writeFileSync } from 'node:fs';
import { AppError } from '../../shared/errors/app-error';
import { fileFormats, type FileFormat } from '../../shared/rights/record-requests';
import type { ZonedActorContext } from '../core/context';
import { exportPatientRecord } from '../services/exports/export-record';
import { actingStaffWithProof } from './acting-staff';
import type { Output } from './commands';
import { openDesk } from './open-desk';

/** The flags of `medcard export`, as typed. */
export interface ExportFlags {
  patient?: string;
  snils?: string;
  format?: string;
  out?: string;
  as?: string;
}

/** The checked flags: one way to name the patient, a known format, a file to write. */
export function checkExportFlags(flags: ExportFlags): {
  patient?: string;
  snils?: string;
  format: FileFormat;
  out: string;
} {
  if ((flags.patient === undefined) === (flags.snils === undefined))
    throw new AppError('exports.cli.patient_or_snils', { field: 'patient' });
  if (flags.snils !== undefined && !/^\d{3}-?\d{3}-?\d{3}[ -]?\d{2}$/.test(flags.snils.trim()))
    throw new AppError('exports.cli.snils_format', { field: 'snils' });
  if (flags.format === undefined || !(fileFormats as readonly string[]).includes(flags.format))
    throw new AppError('exports.format_unknown', { field: 'format' });
  if (flags.out === undefined || flags.out.trim() === '')
    throw new AppError('exports.cli.out_required', { field: 'out' });
  if (flags.as === undefined) throw new AppError('cli.as.required', { field: 'as' });
  return {
    ...(flags.patient !== undefined ? { patient: flags.patient } : {}),
    ...(flags.snils !== undefined ? { snils: flags.snils.replace(/\D/g, '') } : {}),
    format: flags.format as FileFormat,
    out: flags.out,
  };
}

/** The patient's id by СНИЛС among this desk's cards (not merged, not deleted). */
function patientBySnils(ctx: ZonedActorContext, snils: string): string {
  const row = ctx.store.read((tx) =>
    tx.get<{ id: string }>(
      'SELECT id FROM patients WHERE snils = ? AND deleted_at IS NULL AND merged_into IS NULL LIMIT 1',
      [snils],
    ),
  );
  if (!row) throw new AppError('exports.patient_not_found', { field: 'snils' });
  return row.id;
}

/** Exports as `ctx` acts and writes the file to `out` (0600): what the command does once the desk is open. */
export async function runExport(
  ctx: ZonedActorContext,
  flags: ReturnType<typeof checkExportFlags>,
  io: Output,
): Promise<number> {
  const patientId = flags.patient ?? patientBySnils(ctx, flags.snils ?? '');
  const file = await exportPatientRecord(ctx, { patientId, format: flags.format }, (done, total) =>
    io.err(`\rentries: ${done} / ${total}`),
  );
  io.err('\n');
  try {
    writeFileSync(flags.out, file.bytes, { mode: 0o600 });
  } catch (error) {
    throw new AppError('exports.out_unwritable', { field: 'out', params: { reason: String(error).slice(0, 200) } });
  }
  io.out(`${flags.out}: ${file.mime}, ${file.bytes.length} bytes, sha256 ${file.sha256}`);
  if (file.withheld > 0) io.out(`withheld (restricted): ${file.withheld} entries — the file says so and why`);
  return 0;
}

/**
 * `medcard export --patient ID|--snils SNILS --format pdf|fhir|semd --out FILE --as LOGIN`: one
 * patient's record as a file, for a clinic's scripts and outside validators; written as the staff
 * member `--as` names (with `records.release`), audited `exports.created` with the file's SHA-256.
 */
export async function exportCommand(db: string | undefined, flags: ExportFlags, io: Output): Promise<number> {
  const checked = checkExportFlags(flags);
  const desk = await openDesk({ db, create: false });
  try {
    const ctx = await actingStaffWithProof(desk, flags.as ?? '', 'records.release');
    return await runExport(ctx, checked, io);
  } finally {
    await desk.store.close();
  }
}
