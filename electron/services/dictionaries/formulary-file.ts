import { administrationRoutes } from '../../../shared/chart/entry-kinds';
import { doseUnits } from '../../../shared/chart/units';
import { AppError } from '../../../shared/errors/app-error';
import type { ReadDictionary } from './dictionary-types';
import { readTable, type RowVerdict } from './read-table';
import { headerIndex, semicolonRecords } from './semicolon-csv';

/**
 * The clinic's formulary, a format of our own (README.md in this folder): `;`-separated UTF-8,
 * header by name in any order — `INN` or `ATC` (one of the two columns at least), `FORM`,
 * `ROUTE`, `UNIT`, `AGE_FROM`, `AGE_TO`, `MAX_SINGLE`, `MAX_DAILY`. Each line is one
 * `FormularyRule` (shared/chart/prescription-check.ts); its code is the rule's key
 * `INN-or-ATC|FORM|ROUTE|AGE_FROM`, so one medicine, form, route and age band is ruled once.
 */
const required = ['UNIT', 'AGE_FROM', 'MAX_SINGLE', 'MAX_DAILY'] as const;
const atcCode = /^[A-Z](?:\d{2}(?:[A-Z](?:[A-Z](?:\d{2})?)?)?)?$/;
const routes: readonly string[] = administrationRoutes;
const units: readonly string[] = doseUnits;

function positive(value: string): number | null {
  if (!/^\d{1,9}(?:[.,]\d{1,6})?$/.test(value)) return null;
  const number = Number(value.replace(',', '.'));
  return number > 0 ? number : null;
}

function years(value: string): number | null {
  return /^\d{1,3}$/.test(value) && Number(value) <= 150 ? Number(value) : null;
}

function readRow(get: (column: string) => string): RowVerdict {
  const bad = (column: string) => ({ code: 'dictionary.row.value' as const, params: { column } });
  const inn = get('INN').toUpperCase().replace(/\s+/g, ' ');
  const atc = get('ATC').toUpperCase();
  if ((inn === '') === (atc === '')) return { code: 'dictionary.row.inn_or_atc' };
  if (inn.length > 300) return bad('INN');
  if (atc !== '' && !atcCode.test(atc)) return bad('ATC');
  const form = get('FORM').toUpperCase().replace(/\s+/g, ' ');
  if (form.length > 500) return bad('FORM');
  const route = get('ROUTE');
  if (route !== '' && !routes.includes(route)) return bad('ROUTE');
  const unit = get('UNIT');
  if (!units.includes(unit)) return bad('UNIT');
  const ageFrom = years(get('AGE_FROM'));
  if (ageFrom === null) return bad('AGE_FROM');
  const ageTo = get('AGE_TO') === '' ? null : years(get('AGE_TO'));
  if (ageTo === null && get('AGE_TO') !== '') return bad('AGE_TO');
  if (ageTo !== null && ageTo <= ageFrom)
    return { code: 'dictionary.row.age_band', params: { from: ageFrom, to: ageTo } };
  const maxSingle = positive(get('MAX_SINGLE'));
  if (maxSingle === null) return bad('MAX_SINGLE');
  const maxDaily = positive(get('MAX_DAILY'));
  if (maxDaily === null) return bad('MAX_DAILY');
  if (maxDaily < maxSingle)
    return { code: 'dictionary.row.daily_below_single', params: { single: maxSingle, daily: maxDaily } };
  const subject = inn || atc;
  const ages = ageTo === null ? `${ageFrom}+` : `${ageFrom}–${ageTo - 1}`;
  return {
    code: [subject, form, route, ageFrom].join('|'),
    name: `${[subject, form.toLowerCase(), route].filter(Boolean).join(', ')}: ${maxSingle} / ${maxDaily} ${unit} в сутки, ${ages} лет`,
    data: {
      inn: inn || null,
      atc: atc || null,
      form: form || null,
      route: route || null,
      unit,
      ageFrom,
      ageTo,
      maxSingle,
      maxDaily,
    },
  };
}

export function readFormulary(text: string): ReadDictionary {
  const first = semicolonRecords(text).next();
  const header = first.done || 'refused' in first.value ? null : headerIndex(first.value.fields, required);
  if (!header || (!header.has('INN') && !header.has('ATC')))
    throw new AppError('dictionary.file.header', { params: { expected: `INN|ATC;${required.join(';')}` } });
  const { rows, refused } = readTable(text, required, readRow);
  return { name: 'formulary', version: null, rows: rows.map(({ line: _line, ...row }) => row), refused };
}
