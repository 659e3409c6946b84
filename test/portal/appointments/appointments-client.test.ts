import { describe, expect, it } from 'vitest';
import { cabinetSlotQuerySchema } from '../../../shared/cabinet/appointments-api';
import { localize } from '../../../shared/errors/catalog';
import { slotQuery, slotTaken } from '../../../portal/api/appointments-client';
import { CabinetError } from '../../../portal/api/cabinet-error';

describe('the cabinet’s appointments client', () => {
  it('asks for free times with a query the contract accepts, naming the one target chosen', () => {
    const bySpecialty = slotQuery({ specialty: '76', serviceTypeId: 'first', from: '2026-12-07', to: '2026-12-20' });
    expect(cabinetSlotQuerySchema.parse(Object.fromEntries(new URLSearchParams(bySpecialty)))).toEqual({
      specialty: '76',
      serviceTypeId: 'first',
      from: '2026-12-07',
      to: '2026-12-20',
    });
    const bySpecialist = slotQuery({
      specialistId: 's 1/2',
      serviceTypeId: 'first',
      from: '2026-12-07',
      to: '2026-12-07',
    });
    expect(Object.fromEntries(new URLSearchParams(bySpecialist))).toEqual({
      specialistId: 's 1/2',
      serviceTypeId: 'first',
      from: '2026-12-07',
      to: '2026-12-07',
    });
  });

  it('reads a taken time’s 409: the code’s words and the nearest free times to pick from', () => {
    const alternative = {
      specialistId: 's-1',
      specialistName: 'Петрова М. И.',
      serviceTypeId: 'first',
      startsAt: '2026-12-08T06:20:00.000Z',
      endsAt: '2026-12-08T06:40:00.000Z',
    };
    const body = {
      code: 'appointments.slot.taken',
      message: localize('appointments.slot.taken'),
      alternatives: [alternative],
    };
    const taken = slotTaken(CabinetError.fromBody(409, body));
    expect(taken?.message.ru).toContain('Это время уже занято');
    expect(taken?.alternatives).toEqual([alternative]);
    // Any other refusal is not a taken time: it is shown as the refusal it is.
    const other = { code: 'appointments.slot.too_many', message: localize('appointments.slot.too_many') };
    expect(slotTaken(CabinetError.fromBody(422, other))).toBeNull();
    expect(slotTaken(CabinetError.local('server.unavailable'))).toBeNull();
  });
});
