import type { RecordRequestDetail } from '../../../shared/api/record-request-calls';
import { AppError } from '../../../shared/errors/app-error';
import { rightsActions } from '../../../shared/rights/access-actions';
import type { ActorContext } from '../../core/context';
import { updateRecord } from '../../store/record-door';
import { formatNames } from './format-names';
import { missingOf, requestFiles } from './request-row';
import { assertInWork, requestStep } from './request-step';

/**
 * The request is done (`done`, fulfilled_at/by) only when every asked format has its file and the
 * paper copy, if asked, was handed over; else the code says what is missing.
 */
export function finishRecordRequest(ctx: ActorContext, id: string): RecordRequestDetail {
  return requestStep(ctx, id, (door, row) => {
    assertInWork(row);
    const files = requestFiles(door.tx, id);
    const missing = missingOf(row, files);
    const missingFiles = missing.filter((format) => format !== 'paper');
    if (missingFiles.length > 0)
      throw new AppError('records.request.files_missing', {
        field: 'id',
        params: { formats: missingFiles.map((format) => formatNames[format]).join(', ') },
      });
    if (missing.includes('paper')) throw new AppError('records.request.paper_not_handed', { field: 'id' });
    updateRecord(
      door,
      'records.release',
      'record_requests',
      id,
      { status: 'done', fulfilled_at: door.at, fulfilled_by: door.actor.staffId },
      {
        action: rightsActions.requestDone,
        patientId: row.patient_id,
        details: { requestId: id, number: row.number, files: files.map((file) => file.sha256) },
      },
    );
  });
}
