import type { CallName } from '../../shared/api/contract';
import { applicationHandlers } from './application-handlers';
import { appointmentHandlers, scheduleHandlers } from './appointments-handlers';
import { auditHandlers } from './audit-handlers';
import { chartHandlers } from './chart-handlers';
import { authHandlers, staffHandlers } from './auth-handlers';
import { consentHandlers, proxyHandlers } from './consent-handlers';
import { dictionaryHandlers } from './dictionary-handlers';
import { documentHandlers } from './document-handlers';
import { duplicateHandlers } from './duplicate-handlers';
import type { Handler } from './handler-types';
import { keyHandlers } from './key-handlers';
import { patientHandlers } from './patient-handlers';
import { reportHandlers } from './report-handlers';
import { scanHandlers } from './scan-handlers';
import { syncHandlers } from './sync-handlers';
import { verificationHandlers } from './verification-handlers';
import { exportHandlers } from './export-handlers';
import { recordRequestHandlers } from './record-request-handlers';
import { chartAccessHandlers } from './chart-access-handlers';
import { backupHandlers } from './backup-handlers';
import { healthHandlers } from './health-handlers';
import { incidentHandlers } from './incident-handlers';
import { dbKeyHandlers } from './db-key-handlers';

/**
 * The service behind each call of the contract; the type makes a missing one a compile error.
 * Each feature maps its calls in its own `<feature>-handlers.ts`; this file only composes them.
 */
export const handlers: { [N in CallName]: Handler<N> } = {
  ...authHandlers,
  ...staffHandlers,
  ...auditHandlers,
  ...keyHandlers,
  ...consentHandlers,
  ...proxyHandlers,
  ...scanHandlers,
  ...dictionaryHandlers,
  ...documentHandlers,
  ...verificationHandlers,
  ...patientHandlers,
  ...reportHandlers,
  ...duplicateHandlers,
  ...syncHandlers,
  ...applicationHandlers,
  ...chartHandlers,
  ...appointmentHandlers,
  ...scheduleHandlers,
  ...exportHandlers,
  ...recordRequestHandlers,
  ...chartAccessHandlers,
  ...dbKeyHandlers,
  ...incidentHandlers,
  ...healthHandlers,
  ...backupHandlers,
};
