import { can } from '../../../shared/auth/permissions';
import { AppError } from '../../../shared/errors/app-error';
import type { ScanChecklist } from '../../../shared/scans/scan-checklist';
import { scanPermission } from '../../../shared/scans/scan-purpose';
import { documentSizes, type AcceptScanInput, type ScanSummary } from '../../../shared/scans/scan-inputs';
import type { ServiceContext } from '../../core/context';
import { insertRecord } from '../../store/record-door';
import type { Tx } from '../../store/open-store';
import { inspectScan } from '../../../scan-checks/check-scan';
import type { ScanPorts } from './scan-ports';
import { scanRowById, toScanSummary } from './scan-row';
import type { ScanVault } from './scan-vault';

/** What the scan services use from the desk's context. */
export type ScanContext = Pick<ServiceContext, 'store' | 'clock' | 'actor'>;

export type AcceptScanResult =
  | { accepted: true; checklist: ScanChecklist; scan: ScanSummary }
  | { accepted: false; checklist: ScanChecklist; refusal: AppError };

/**
 * Checks a scan and, when every rule passes, keeps it (B4): the encrypted file and thumbnail in
 * the vault, the row with its audit event and outbox entry in one transaction through the door.
 * When anything fails there is no row, and no file this call made. The decoding runs in the scan
 * worker (`ports.analyser`); a file over a limit is refused before it is decoded at all.
 */
export async function acceptScan(
  ctx: ScanContext,
  ports: Pick<ScanPorts, 'vault' | 'analyser'>,
  input: AcceptScanInput,
): Promise<AcceptScanResult> {
  const { vault, analyser } = ports;
  const {
    patientId,
    bytes: raw,
    purpose = 'identity_document',
    attachedTo = null,
    source = 'file',
    documentSize,
  } = input;
  // A chart's document is the doctor's to add (issue 12); every other scan the front desk's.
  const permission = scanPermission(purpose);
  // Refused before any work: measuring and encrypting for someone who may not keep it is waste.
  if (!can(ctx.actor.role, permission)) throw new AppError('forbidden');
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const now = ctx.clock.now();
  const size = documentSize ? documentSizes[documentSize] : undefined;
  const inspection = await inspectScan(bytes, { now, ...(size ? { documentSize: size } : {}) }, analyser);
  const { checklist, refusal, thumbnail } = inspection;
  if (refusal || !thumbnail || !checklist.mime) {
    return { accepted: false, checklist, refusal: refusal ?? new AppError('scan.format.unsupported') };
  }

  const written: string[] = [];
  try {
    const original = await vault.put(bytes);
    if (original.created) written.push(original.sha256);
    const thumb = await vault.put(thumbnail);
    if (thumb.created) written.push(thumb.sha256);
    const fields = {
      patient_id: patientId,
      purpose,
      attached_to: attachedTo,
      sha256: original.sha256,
      mime: checklist.mime,
      bytes: bytes.length,
      pages: checklist.pages,
      dpi: checklist.dpi ?? 0,
      brightness: checklist.brightness ?? 0,
      sharpness: checklist.sharpness ?? 0,
      thumbnail_sha256: thumb.sha256,
    };
    const row = ctx.store.transaction((tx) => {
      assertPatient(tx, patientId);
      const door = { tx, actor: ctx.actor, at: now.toISOString() };
      const id = insertRecord(door, permission, 'document_scans', fields, {
        action: 'scans.accept',
        patientId,
        details: {
          sha256: fields.sha256,
          mime: fields.mime,
          bytes: fields.bytes,
          pages: fields.pages,
          dpi: fields.dpi,
          purpose,
          attachedTo,
          source,
        },
      });
      return scanRowById(tx, id);
    });
    if (!row) throw new Error('The scan row vanished inside its own transaction');
    return { accepted: true, checklist, scan: toScanSummary(row, () => true) };
  } catch (error) {
    await removeUnreferenced(ctx, vault, written);
    throw error;
  }
}

function assertPatient(tx: Tx, patientId: string): void {
  const patient = tx.get<{ deleted_at: string | null }>('SELECT deleted_at FROM patients WHERE id = ?', [patientId]);
  if (!patient || patient.deleted_at !== null) throw new AppError('patient.not_found');
}

/** Files this call made, unless a row kept meanwhile (the same content, scanned twice) uses them. */
async function removeUnreferenced(ctx: ScanContext, vault: ScanVault, written: readonly string[]): Promise<void> {
  for (const sha256 of written) {
    const used = ctx.store.transaction((tx) =>
      tx.get('SELECT 1 FROM document_scans WHERE sha256 = ? OR thumbnail_sha256 = ? LIMIT 1', [sha256, sha256]),
    );
    if (!used) await vault.remove(sha256);
  }
}
