import type { CallOutput } from '../../../shared/api/contract';
import { isoDay } from '../../../shared/domain/calendar-date';
import { consentState } from '../../../shared/domain/consent';
import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../../core/context';
import { recordRead } from '../../store/record-door';
import { requirePatient } from '../patients/require-patient';
import { consentById, consentsOf, toConsentView } from './consent-row';
import { consentTexts, type ConsentTextLibrary } from './consent-texts';
import type { ScanVault } from '../scans/scan-vault';

/** What the consent services use: an actor context, and the folder the consent texts are read from. */
export type ConsentContext = Pick<ServiceContext, 'store' | 'clock' | 'actor' | 'timeZone' | 'resourcesDir'>;

export function textsOf(ctx: Pick<ServiceContext, 'resourcesDir'>): ConsentTextLibrary {
  return consentTexts(ctx.resourcesDir);
}

/** A version of the consent text (the one in force today when none is named). */
export function consentText(ctx: ConsentContext, version: string | undefined): CallOutput<'consents.text'> {
  const today = isoDay(ctx.clock.now(), ctx.timeZone);
  const texts = textsOf(ctx);
  const current = texts.current(today);
  const text = version === undefined ? current : texts.get(version);
  return { ...text, current: text.version === current.version };
}

/** Whether the patient's data may go online now, and every consent they gave (B8); the read is audited. */
export function consentOverview(ctx: ConsentContext, patientId: string): CallOutput<'consents.state'> {
  const now = ctx.clock.now();
  const currentTextVersion = textsOf(ctx).current(isoDay(now, ctx.timeZone)).version;
  return ctx.store.transaction((tx) => {
    requirePatient(tx, patientId);
    const history = consentsOf(tx, patientId).map(toConsentView);
    recordRead({ tx, actor: ctx.actor, at: now.toISOString() }, 'patients.read', {
      action: 'consents.read',
      patientId,
    });
    const state = consentState(history, now.toISOString());
    return { valid: state.valid, reason: state.reason, current: state.current, history, currentTextVersion };
  });
}

/** The signature image of a consent signed on screen; the read is audited. */
export async function consentSignature(
  ctx: ConsentContext,
  vault: ScanVault,
  consentId: string,
): Promise<CallOutput<'consents.signature'>> {
  const row = ctx.store.transaction((tx) => {
    const found = consentById(tx, consentId);
    if (!found) throw new AppError('consent.not_found', { field: 'consentId' });
    recordRead({ tx, actor: ctx.actor, at: ctx.clock.now().toISOString() }, 'patients.read', {
      action: 'consents.signature.read',
      patientId: found.patient_id,
      details: { consentId },
    });
    return found;
  });
  if (!row.signature_sha256) throw new AppError('consent.not_found', { field: 'consentId' });
  return { mime: 'image/png', data: (await vault.get(row.signature_sha256)).toString('base64') };
}
