import type { PaperReceiver, RecordRequestDetail } from '../../../shared/api/record-request-calls';
import { canonicalJson } from '../../../shared/canonical-json';
import { AppError } from '../../../shared/errors/app-error';
import { rightsActions } from '../../../shared/rights/access-actions';
import type { ActorContext } from '../../core/context';
import { updateRecord } from '../../store/record-door';
import { formatsOf } from './request-row';
import { assertInWork, requestStep } from './request-step';

/**
 * The paper copy was handed over (F3): to the patient or a named representative, once, and only
 * where the patient asked for paper.
 */
export function handPaperCopy(ctx: ActorContext, id: string, receivedBy: PaperReceiver): RecordRequestDetail {
  return requestStep(ctx, id, (door, row) => {
    assertInWork(row);
    if (!formatsOf(row).includes('paper')) throw new AppError('records.request.paper_not_asked', { field: 'id' });
    if (row.paper_handed_at !== null) throw new AppError('records.request.paper_handed', { field: 'id' });
    updateRecord(
      door,
      'records.release',
      'record_requests',
      id,
      { paper_handed_at: door.at, paper_handed_by: door.actor.staffId, paper_received_by: canonicalJson(receivedBy) },
      {
        action: rightsActions.requestPaperHanded,
        patientId: row.patient_id,
        details: { requestId: id, number: row.number, receivedBy: receivedBy.kind },
      },
    );
  });
}
