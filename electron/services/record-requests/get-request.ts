import type { RecordRequestDetail } from '../../../shared/api/record-request-calls';
import { rightsActions } from '../../../shared/rights/access-actions';
import type { ActorContext } from '../../core/context';
import { recordRead } from '../../store/record-door';
import { loadBusinessCalendar } from '../dictionaries/business-calendar';
import { fileJobsOf } from './file-jobs';
import { requestDetail } from './request-row';

/** One request with its files for its panel; the read is audited with the patient's id. */
export function getRecordRequest(ctx: ActorContext, id: string): RecordRequestDetail {
  const calendar = loadBusinessCalendar(ctx);
  return ctx.store.transaction((tx) => {
    const at = ctx.clock.now().toISOString();
    const jobs = fileJobsOf(ctx.store, ctx.clock).running(ctx.actor.staffId, id);
    const detail = requestDetail(tx, id, at, calendar, jobs);
    recordRead({ tx, actor: ctx.actor, at }, 'records.release', {
      action: rightsActions.requestRead,
      patientId: detail.request.patient.id,
      details: { requestId: id, number: detail.request.number },
    });
    return detail;
  });
}
