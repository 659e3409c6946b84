import type { ServiceContext } from '../../electron/core/context';
import { importDictionary } from '../../electron/services/dictionaries/import-dictionary';

import { businessCalendar, type BusinessCalendar } from '../../shared/domain/business-days';

/** The 2026 days off by decree (DOMAIN.md), as the calendar dictionary stores them. */
const daysOff2026 = [
  '01-01',
  '01-02',
  '01-03',
  '01-04',
  '01-05',
  '01-06',
  '01-07',
  '01-08',
  '01-09',
  '02-23',
  '03-08',
  '03-09',
  '05-01',
  '05-09',
  '05-11',
  '06-12',
  '11-04',
  '12-31',
];
const shortened2026 = ['04-30', '05-08', '06-11', '11-03'];

/** The same year as the desk's arithmetic sees it, for a test to compute what the screen should say. */
export function calendar2026(): BusinessCalendar {
  return businessCalendar([
    {
      year: 2026,
      daysOff: daysOff2026.map((day) => `2026-${day}`),
      shortenedDays: shortened2026.map((day) => `2026-${day}`),
      workingWeekendDays: [],
    },
  ]);
}

/** Insurers of our own making: one current, one whose licence has ended. */
export const testInsurers = {
  current: { code: '45001', name: 'ООО «Тестовая страховая компания»' },
  closed: { code: '50002', name: 'АО «Пример-Мед»' },
} as const;

/**
 * What the documents need from the dictionaries, imported as the administrator would: the 2026
 * production calendar and a small insurers list.
 */
export function importDocumentDictionaries(ctx: ServiceContext): void {
  const admin: ServiceContext = { ...ctx, actor: { ...ctx.actor, role: 'admin' } };
  importDictionary(admin, 'calendar-ru/2026', '2026', [
    ...daysOff2026.map((day) => ({ code: `2026-${day}`, name: 'выходной', data: { kind: 'off' } })),
    ...shortened2026.map((day) => ({ code: `2026-${day}`, name: 'сокращённый', data: { kind: 'shortened' } })),
  ]);
  importDictionary(admin, 'insurers', '2026-11-01', [
    {
      code: testInsurers.current.code,
      name: testInsurers.current.name,
      data: { okato: '45', oktmo: null, ogrn: '1027700000015', validFrom: '2011-01-01', validTo: null },
    },
    {
      code: testInsurers.closed.code,
      name: testInsurers.closed.name,
      data: { okato: '46', oktmo: null, ogrn: '1025000000023', validFrom: '2015-03-01', validTo: '2020-12-31' },
    },
  ]);
}
