import { describe, expect, it } from 'vitest';
import type { CabinetBookingOptions } from '../../../shared/cabinet/appointments-api';
import { movedFrom, servicesFor, specialistsOf } from '../../../portal/screens/appointments/booking-choices';

const options: CabinetBookingOptions = {
  specialties: [
    { code: '76', name: 'Терапия' },
    { code: '27', name: 'Кардиология' },
  ],
  specialists: [
    specialist('s-1', 'Петрова Мария Ивановна', '76', ['first', 'repeat']),
    specialist('s-2', 'Абрамов Олег Петрович', '76', ['first', 'video']),
    specialist('s-3', 'Сидоров Иван Львович', '27', ['ecg']),
  ],
  services: [
    { id: 'first', name: 'Первичный приём', durationMin: 20, mode: 'in_person' },
    { id: 'repeat', name: 'Повторный приём', durationMin: 15, mode: 'in_person' },
    { id: 'video', name: 'Консультация по видеосвязи', durationMin: 30, mode: 'remote' },
    { id: 'ecg', name: 'ЭКГ с расшифровкой', durationMin: 20, mode: 'in_person' },
    { id: 'nobody', name: 'Услуга без специалиста', durationMin: 10, mode: 'in_person' },
  ],
};

function specialist(id: string, name: string, specialtyCode: string, serviceTypeIds: string[]) {
  return { id, name, specialtyCode, specialtyName: null, positionName: null, department: null, serviceTypeIds };
}

const names = (services: { name: string }[]) => services.map((service) => service.name);

describe('what the patient may choose when booking (E1: only the services the target offers)', () => {
  it('offers a specialist only their own services, by name', () => {
    expect(names(servicesFor(options, { kind: 'specialist', id: 's-2' }))).toEqual([
      'Консультация по видеосвязи',
      'Первичный приём',
    ]);
  });

  it('offers a specialty every service any of its specialists gives, once each; nothing before a choice', () => {
    expect(names(servicesFor(options, { kind: 'specialty', code: '76' }))).toEqual([
      'Консультация по видеосвязи',
      'Первичный приём',
      'Повторный приём',
    ]);
    expect(servicesFor(options, { kind: 'specialty', code: '99' })).toEqual([]);
    expect(servicesFor(options, null)).toEqual([]);
  });

  it('lists a specialty’s specialists alphabetically', () => {
    expect(specialistsOf(options, '76').map((item) => item.id)).toEqual(['s-2', 's-1']);
  });

  it('starts a move from the visit’s own specialist and service, found by name — or chooses nothing when unsure', () => {
    expect(movedFrom(options, { specialistName: 'Петрова Мария Ивановна', serviceName: 'Повторный приём' })).toEqual({
      target: { kind: 'specialist', id: 's-1' },
      serviceTypeId: 'repeat',
    });
    // A service the specialist no longer offers: the specialist stays, the service is chosen again.
    expect(movedFrom(options, { specialistName: 'Петрова Мария Ивановна', serviceName: 'ЭКГ с расшифровкой' })).toEqual(
      { target: { kind: 'specialist', id: 's-1' }, serviceTypeId: null },
    );
    expect(movedFrom(options, { specialistName: 'Нет Такого', serviceName: 'Первичный приём' })).toBeNull();
  });
});
