import type { CallName } from '../../shared/api/contract';
import { authHandlers, staffHandlers } from './auth-handlers';
import { consentHandlers, proxyHandlers } from './consent-handlers';
import type { Handler } from './handler-types';
import { keyHandlers } from './key-handlers';
import { scanHandlers } from './scan-handlers';
import { auditEvents, verifyAudit } from '../services/audit/audit-events';
import { mergeReviews } from '../services/audit/merge-reviews';
import { dictionaryHandlers } from './dictionary-handlers';
import { documentHandlers } from './document-handlers';
import { verificationHandlers } from './verification-handlers';
import { patientAccessLog } from '../services/patients/access-log';
import { createPatient } from '../services/patients/create-patient';
import { patientDuplicates } from '../services/patients/duplicate-candidates';
import { getPatient } from '../services/patients/get-patient';
import { mergePatients, mergePlan } from '../services/patients/merge-patients';
import { searchPatients } from '../services/patients/search-patients';
import { listConflicts, resolveConflict } from '../services/sync/conflicts';
import { syncStatus } from '../services/sync/sync-status';

/** The service behind each call of the contract; the type makes a missing one a compile error. */
export const handlers: { [N in CallName]: Handler<N> } = {
  ...authHandlers,
  ...staffHandlers,
  ...keyHandlers,
  ...consentHandlers,
  ...proxyHandlers,
  ...scanHandlers,
  ...dictionaryHandlers,
  ...documentHandlers,
  ...verificationHandlers,
  'audit.events': (ctx, input) => auditEvents(ctx, input),
  'audit.verify': (ctx) => verifyAudit(ctx),
  'audit.merges': (ctx, input) => mergeReviews(ctx, input),
  'patients.create': (ctx, input) => createPatient(ctx, input),
  'patients.search': (ctx, input) => searchPatients(ctx, input.query, input.limit),
  'patients.get': (ctx, input) => getPatient(ctx, input.id),
  'patients.accessLog': (ctx, input) => patientAccessLog(ctx, input.id, input.limit),
  'patients.duplicates': (ctx, input) => patientDuplicates(ctx, input, input.limit),
  'patients.merge': (ctx, input) => mergePatients(ctx, input),
  'patients.mergePlan': (ctx, input) => mergePlan(ctx, input),
  'sync.status': (ctx) => syncStatus(ctx),
  'sync.conflicts': (ctx) => listConflicts(ctx),
  'sync.resolveConflict': (ctx, input) => resolveConflict(ctx, input.id, input.keep),
};
