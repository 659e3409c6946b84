import { describe, expect, it } from 'vitest';
import { offeredServices } from '../../../renderer/screens/appointments/booking/offered-services';
import type { ScheduleView } from '../../../shared/api/appointments-calls';

const service = (id: string, active = true): ScheduleView['serviceTypes'][number] => ({
  id,
  serviceCode: 'B01.047.001',
  name: id,
  durationMin: 20,
  mode: 'in_person',
  dailyLimit: null,
  instructions: null,
  active,
});
const pattern = (
  weekday: number,
  serviceTypeIds: string[] | null,
  validTo: string | null = null,
): ScheduleView['patterns'][number] => ({
  id: `p${weekday}${String(serviceTypeIds)}`,
  specialistId: 's1',
  roomId: null,
  weekday,
  starts: '09:00',
  ends: '15:00',
  breaks: [],
  serviceTypeIds,
  validFrom: '2026-01-01',
  validTo,
});
const serviceTypes = [service('first'), service('repeat'), service('retired', false)];
const ids = (list: ScheduleView['serviceTypes']) => list.map((item) => item.id);

describe('the services a booking of a free time offers', () => {
  it('names those of the specialist’s pattern that weekday, never an inactive one', () => {
    const schedule = { serviceTypes, patterns: [pattern(2, ['repeat', 'retired']), pattern(3, null)] };
    expect(ids(offeredServices(schedule, 's1', '2026-12-08'))).toEqual(['repeat']); // Tuesday
    expect(ids(offeredServices(schedule, 's1', '2026-12-09'))).toEqual(['first', 'repeat']); // Wednesday: all
  });

  it('offers every active service on a day no pattern covers (one-off hours) or after a pattern ends', () => {
    const schedule = { serviceTypes, patterns: [pattern(2, ['repeat'], '2026-11-30')] };
    expect(ids(offeredServices(schedule, 's1', '2026-12-08'))).toEqual(['first', 'repeat']);
    expect(ids(offeredServices(schedule, 'someone-else', '2026-11-24'))).toEqual(['first', 'repeat']);
  });
});
