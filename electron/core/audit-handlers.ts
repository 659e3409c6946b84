import { auditEvents, verifyAudit } from '../services/audit/audit-events';
import { mergeReviews } from '../services/audit/merge-reviews';
import type { Handlers } from './handler-types';

/** The auditor's view of the hash-chained log (F1, A3). */
export const auditHandlers: Handlers<'audit'> = {
  'audit.events': (ctx, input) => auditEvents(ctx, input),
  'audit.verify': (ctx) => verifyAudit(ctx),
  'audit.merges': (ctx, input) => mergeReviews(ctx, input),
};
