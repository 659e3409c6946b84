import { applicationCodes } from './codes/applications';
import { appointmentCodes } from './codes/appointments';
import { applicationDeskCodes } from './codes/application-desk';
import { auditCodes } from './codes/audit';
import { cabinetCodes } from './codes/cabinet';
import { cabinetIdentityCodes } from './codes/cabinet-identity';
import { cabinetUploadCodes } from './codes/cabinet-uploads';
import { chartCodes } from './codes/chart';
import { authCodes } from './codes/auth';
import { calendarCodes } from './codes/calendar';
import { clinicCodes } from './codes/clinics';
import { commonCodes } from './codes/common';
import { consentCodes } from './codes/consents';
import { dictionaryCodes } from './codes/dictionaries';
import { notificationCodes } from './codes/notifications';
import { documentCodes } from './codes/documents';
import { patientCodes } from './codes/patients';
import { portalCodes } from './codes/portal';
import { proxyCodes } from './codes/proxies';
import { reportCodes } from './codes/reports';
import { scanCodes } from './codes/scans';
import { secondFactorCodes } from './codes/second-factors';
import { serverCodes } from './codes/server';
import { staffCodes } from './codes/staff';
import { syncCodes } from './codes/sync';
import { syncProofCodes } from './codes/sync-proof';
import { verificationCodes } from './codes/verification';
import { workstationCodes } from './codes/workstation';
import { yubikeyCodes } from './codes/yubikey';
import { accessLogCodes } from './codes/access-log';
import { chartAccessCodes } from './codes/chart-access';
import { exportCodes } from './codes/exports';
import { recordRequestCodes } from './codes/record-requests';
import type { LocalizedText } from './code-entries';
import { backupCodes } from './codes/backups';
import { serverOpsCodes } from './codes/server-ops';
import { healthCodes } from './codes/health';
import { incidentCodes } from './codes/incidents';
import { dbKeyCodes } from './codes/db-key';

export type { LocalizedText } from './code-entries';

/**
 * Every error the product can show, by stable code. A code never changes meaning; the texts may.
 * `{name}` placeholders are filled from the error's params. Each feature keeps its codes in
 * `codes/<feature>.ts`; a new code goes there, and a new feature's file is added here.
 */
export const errorCatalog = {
  ...commonCodes,
  ...workstationCodes,
  ...patientCodes,
  ...documentCodes,
  ...calendarCodes,
  ...dictionaryCodes,
  ...syncCodes,
  ...syncProofCodes,
  ...clinicCodes,
  ...serverCodes,
  ...portalCodes,
  ...verificationCodes,
  ...scanCodes,
  ...yubikeyCodes,
  ...secondFactorCodes,
  ...authCodes,
  ...consentCodes,
  ...proxyCodes,
  ...reportCodes,
  ...staffCodes,
  ...auditCodes,
  ...cabinetCodes,
  ...cabinetIdentityCodes,
  ...chartCodes,
  ...cabinetUploadCodes,
  ...applicationCodes,
  ...applicationDeskCodes,
  ...notificationCodes,
  ...appointmentCodes,
  ...exportCodes,
  ...recordRequestCodes,
  ...dbKeyCodes,
  ...incidentCodes,
  ...healthCodes,
  ...backupCodes,
  ...serverOpsCodes,
  ...chartAccessCodes,
  ...accessLogCodes,
} as const satisfies Record<string, LocalizedText>;

export type ErrorCode = keyof typeof errorCatalog;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorCatalog, value);
}

/** Fills `{name}` placeholders; unknown placeholders stay visible rather than vanish. */
export function localize(code: ErrorCode, params: Record<string, string | number> = {}): LocalizedText {
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
  const entry = errorCatalog[code];
  return { ru: fill(entry.ru), en: fill(entry.en) };
}
