import { fileJobsOf } from '../services/record-requests/file-jobs';
import { finishRecordRequest } from '../services/record-requests/finish-request';
import { getRecordRequest } from '../services/record-requests/get-request';
import { handPaperCopy } from '../services/record-requests/hand-paper';
import { startRequestFile } from '../services/record-requests/make-file';
import { recordRequestCount, recordRequestQueue } from '../services/record-requests/request-queue';
import { takeRecordRequest } from '../services/record-requests/take-request';
import type { Handlers } from './handler-types';

/** Patients' record requests at the desk (issue 14). */
export const recordRequestHandlers: Handlers<'recordRequests'> = {
  'recordRequests.queue': (ctx, input) => recordRequestQueue(ctx, input),
  'recordRequests.count': (ctx) => recordRequestCount(ctx),
  'recordRequests.get': (ctx, input) => getRecordRequest(ctx, input.id),
  'recordRequests.take': (ctx, input) => takeRecordRequest(ctx, input.id),
  'recordRequests.makeFile': (ctx, input) => startRequestFile(ctx, input.id, input.format),
  'recordRequests.fileJob': (ctx, input) =>
    fileJobsOf(ctx.store, ctx.clock).get(ctx.actor.staffId, input.jobId, ctx.clock.now()),
  'recordRequests.cancelFile': (ctx, input) =>
    fileJobsOf(ctx.store, ctx.clock).cancel(ctx.actor.staffId, input.jobId, ctx.clock.now()),
  'recordRequests.handPaper': (ctx, input) => handPaperCopy(ctx, input.id, input.receivedBy),
  'recordRequests.finish': (ctx, input) => finishRecordRequest(ctx, input.id),
};
