import type { z } from 'zod';
import { applicationCalls } from './application-calls';
import { appointmentCalls } from './appointments-calls';
import { auditCalls } from './audit-calls';
import { chartCalls } from './chart-calls';
import { authCalls } from './auth-calls';
import { consentCalls } from './consent-calls';
import { dictionaryCalls } from './dictionary-calls';
import { documentCalls } from './document-calls';
import { duplicateCalls } from './duplicate-calls';
import { keyCalls } from './key-calls';
import { patientCalls } from './patient-calls';
import { reportCalls } from './report-calls';
import { scanCalls } from './scan-calls';
import { staffCalls } from './staff-calls';
import { syncCalls } from './sync-calls';
import { verificationCalls } from './verification-calls';
import { exportCalls } from './export-calls';
import { recordRequestCalls } from './record-request-calls';
import { chartAccessCalls } from './chart-access-calls';
import { backupCalls } from './backup-calls';
import { healthCalls } from './health-calls';
import { incidentCalls } from './incident-calls';
import { dbKeyCalls } from './db-key-calls';

/**
 * Every call the renderer can make, declared once (ARCHITECTURE rule 2). The preload and the
 * browser host expose exactly these; the dispatcher validates input and permission before any
 * service runs. Each feature declares its calls in its own `<feature>-calls.ts`; this file only
 * composes them (a new call goes into its feature's slice, never here).
 */
export const contract = {
  ...authCalls,
  ...staffCalls,
  ...auditCalls,
  ...consentCalls,
  ...keyCalls,
  ...duplicateCalls,
  ...scanCalls,
  ...dictionaryCalls,
  ...documentCalls,
  ...verificationCalls,
  ...patientCalls,
  ...reportCalls,
  ...syncCalls,
  ...applicationCalls,
  ...chartCalls,
  ...appointmentCalls,
  ...exportCalls,
  ...recordRequestCalls,
  ...chartAccessCalls,
  ...dbKeyCalls,
  ...incidentCalls,
  ...healthCalls,
  ...backupCalls,
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(contract, name);
}
