import type { CallInput, CallOutput } from '../../../shared/api/contract';
import { isoDay } from '../../../shared/domain/calendar-date';
import { consentState } from '../../../shared/domain/consent';
import { AppError } from '../../../shared/errors/app-error';
import type { Tx } from '../../store/open-store';
import { insertRecord, updateSyncedRow, type DoorContext } from '../../store/record-door';
import type { ScanVault } from '../scans/scan-vault';
import { consentById, consentsOf, toConsentView } from './consent-row';
import { requirePatient } from '../patients/require-patient';
import { textsOf, type ConsentContext } from './read-consents';
import { checkSignaturePng } from './signature-image';

type AcceptInput = CallInput<'consents.accept'>;

/**
 * Records the patient's consent (B8) on the text in force today, with its evidence: the signature
 * drawn on screen (a PNG kept in the encrypted vault) or the scan of the signed paper, which the
 * consent then owns (`attached_to`). One transaction through the door; a refusal leaves no row,
 * and no signature file this call wrote.
 */
export async function acceptConsent(
  ctx: ConsentContext,
  vault: ScanVault,
  input: AcceptInput,
): Promise<CallOutput<'consents.accept'>> {
  const now = ctx.clock.now();
  const text = textsOf(ctx).current(isoDay(now, ctx.timeZone));
  if (input.textVersion !== text.version) {
    throw new AppError('consent.text.outdated', {
      field: 'textVersion',
      params: { version: input.textVersion, current: text.version },
    });
  }
  let signature: { sha256: string; created: boolean } | undefined;
  if (input.method === 'signature') {
    const png = Buffer.from(input.signaturePng, 'base64');
    await checkSignaturePng(png);
    signature = await vault.put(png);
  }
  try {
    return ctx.store.transaction((tx) => {
      requirePatient(tx, input.patientId);
      const state = consentState(consentsOf(tx, input.patientId).map(toConsentView), now.toISOString());
      if (state.valid && state.current?.textVersion === text.version) throw new AppError('consent.already_valid');
      const door: DoorContext = { tx, actor: ctx.actor, at: now.toISOString() };
      const scanId = input.method === 'scan' ? assertConsentScan(tx, input.patientId, input.scanId) : null;
      const id = insertRecord(
        door,
        'patients.write',
        'consents',
        {
          patient_id: input.patientId,
          text_version: text.version,
          text_sha256: text.sha256,
          method: input.method,
          signature_sha256: signature?.sha256 ?? null,
          scan_id: scanId,
          accepted_at: door.at,
          accepted_by: ctx.actor.staffId,
        },
        {
          action: 'consents.accept',
          patientId: input.patientId,
          details: { textVersion: text.version, method: input.method },
        },
      );
      if (scanId) updateSyncedRow(door, 'document_scans', scanId, { attached_to: id });
      const row = consentById(tx, id);
      if (!row) throw new Error('A consent row vanished inside its own transaction');
      return toConsentView(row);
    });
  } catch (error) {
    if (signature?.created && vault) await removeUnused(ctx, vault, signature.sha256);
    throw error;
  }
}

/** The scan of the signed paper: this patient's, taken as a consent, not yet owned by another row. */
function assertConsentScan(tx: Tx, patientId: string, scanId: string): string {
  const scan = tx.get<{ patient_id: string; purpose: string; attached_to: string | null; deleted_at: string | null }>(
    'SELECT patient_id, purpose, attached_to, deleted_at FROM document_scans WHERE id = ?',
    [scanId],
  );
  if (!scan || scan.patient_id !== patientId || scan.deleted_at !== null)
    throw new AppError('consent.scan.not_found', { field: 'scanId' });
  if (scan.purpose !== 'consent') throw new AppError('consent.scan.wrong_purpose', { field: 'scanId' });
  if (scan.attached_to !== null) throw new AppError('consent.scan.attached', { field: 'scanId' });
  return scanId;
}

/** The same signature image may already belong to an earlier consent (signed twice identically). */
async function removeUnused(ctx: ConsentContext, vault: ScanVault, sha256: string): Promise<void> {
  const used = ctx.store.transaction((tx) => tx.get('SELECT 1 FROM consents WHERE signature_sha256 = ?', [sha256]));
  if (!used) await vault.remove(sha256);
}
