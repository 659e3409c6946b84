import type { RecordRequestDetail } from '../../../shared/api/record-request-calls';
import { AppError } from '../../../shared/errors/app-error';
import type { ActorContext } from '../../core/context';
import type { DoorContext } from '../../store/record-door';
import { loadBusinessCalendar } from '../dictionaries/business-calendar';
import { fileJobsOf } from './file-jobs';
import { requestDetail, requireRequest, type RequestRow } from './request-row';

/**
 * One step of the desk on a request (take, paper, finish): the request read and judged in the
 * step's own transaction, the change written through the door, the request answered as it now is.
 * A refused step throws before it writes, so nothing of it is kept.
 */
export function requestStep(
  ctx: ActorContext,
  id: string,
  step: (door: DoorContext, row: RequestRow) => void,
): RecordRequestDetail {
  const calendar = loadBusinessCalendar(ctx);
  return ctx.store.transaction((tx) => {
    const at = ctx.clock.now().toISOString();
    const door = { tx, actor: ctx.actor, at };
    step(door, requireRequest(tx, id));
    return requestDetail(tx, id, at, calendar, fileJobsOf(ctx.store, ctx.clock).running(ctx.actor.staffId, id));
  });
}

/** A request the desk works on: taken (`in_work`), not done. */
export function assertInWork(row: Pick<RequestRow, 'status'>): void {
  if (row.status === 'done') throw new AppError('records.request.done', { field: 'id' });
  if (row.status !== 'in_work') throw new AppError('records.request.not_in_work', { field: 'id' });
}
