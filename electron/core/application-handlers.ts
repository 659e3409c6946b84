import { approveApplication, denyApplication, recordAppealOutcome } from '../services/applications/decide-application';
import { getApplication } from '../services/applications/get-application';
import { applicationCount, applicationQueue } from '../services/applications/application-queue';
import { printedCode } from '../services/applications/printed-code';
import { finishCheck, startReview } from '../services/applications/review-application';
import { takeAtDesk } from '../services/applications/take-at-desk';
import type { Handlers } from './handler-types';
import { provenSessionOf } from './proven-session';

/** Applications for online access at the desk (C1–C6): the queue, the checks, the decisions. */
export const applicationHandlers: Handlers<'applications'> = {
  'applications.queue': (ctx, input) => applicationQueue(ctx, input),
  'applications.count': (ctx) => applicationCount(ctx),
  'applications.get': (ctx, input) => getApplication(ctx, input.id),
  'applications.startReview': (ctx, input) => startReview(ctx, input.id),
  'applications.finishCheck': (ctx, input) => finishCheck(ctx, input.id, input.check),
  'applications.approve': (ctx, input) => approveApplication(ctx, input.id, input.activationChannel),
  'applications.deny': (ctx, input) => denyApplication(ctx, input.id, input.reason, input.note),
  'applications.appealOutcome': (ctx, input) => recordAppealOutcome(ctx, input.id, input.outcome, input.note),
  'applications.takeAtDesk': (ctx, input) => takeAtDesk(ctx, input),
  'applications.printedCode': (ctx, input) => printedCode(ctx, input.id, provenSessionOf(ctx)),
};
