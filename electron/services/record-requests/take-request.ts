import type { RecordRequestDetail } from '../../../shared/api/record-request-calls';
import { AppError } from '../../../shared/errors/app-error';
import { rightsActions } from '../../../shared/rights/access-actions';
import type { ActorContext } from '../../core/context';
import { updateRecord } from '../../store/record-door';
import { requestStep } from './request-step';

/** A clerk takes an open request into work (`in_work`, taken_at/by); one already taken names who has it. */
export function takeRecordRequest(ctx: ActorContext, id: string): RecordRequestDetail {
  return requestStep(ctx, id, (door, row) => {
    if (row.status === 'done') throw new AppError('records.request.done', { field: 'id' });
    if (row.status === 'in_work')
      throw new AppError('records.request.taken', { field: 'id', params: { by: row.taken_by_name ?? '—' } });
    updateRecord(
      door,
      'records.release',
      'record_requests',
      id,
      { status: 'in_work', taken_at: door.at, taken_by: door.actor.staffId },
      { action: rightsActions.requestTaken, patientId: row.patient_id, details: { requestId: id, number: row.number } },
    );
  });
}
