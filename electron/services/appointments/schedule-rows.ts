import { scheduleFromRows, type Row } from '../../../shared/appointments/rows';
import type { ScheduleSnapshot } from '../../../shared/appointments/schedule';
import type { ReadTx } from '../../store/open-store';

/**
 * The desk's copy of the clinic's schedule (synced rows; E1): every specialist, room and service
 * (inactive ones too: a booking names them), the patterns and exceptions not removed. A clinic's
 * schedule is a few hundred rows, read whole.
 */
export function readSchedule(tx: ReadTx): ScheduleSnapshot {
  return scheduleFromRows({
    specialists: tx.all<Row>('SELECT * FROM specialists ORDER BY display_name, id'),
    rooms: tx.all<Row>('SELECT * FROM rooms ORDER BY name, id'),
    serviceTypes: tx.all<Row>('SELECT * FROM service_types ORDER BY name, id'),
    patterns: tx.all<Row>(
      'SELECT * FROM work_patterns WHERE deleted_at IS NULL ORDER BY specialist_id, weekday, starts',
    ),
    exceptions: tx.all<Row>('SELECT * FROM schedule_exceptions WHERE deleted_at IS NULL ORDER BY from_date, id'),
  });
}
