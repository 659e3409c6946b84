import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Small ФНСИ JSON exports written by the tests (never copies of published ones): a passport and
 * parts of rows `[{ column, value }, …]`, as the ministry's portal gives them.
 */

export const medicinesOid = '1.2.643.5.1.13.13.99.2.611';
export const servicesOid = '1.2.643.5.1.13.13.11.1070';

type Row = Record<string, string | null>;

const medicineColumns = [
  'smnn_code',
  'standard_inn',
  'standard_form',
  'standard_doze',
  'ktru_code',
  'name_unit',
  'okei_code',
  'okpd_2_code',
  'essential_medicines',
  'narcotic_psychotropic',
  'code_atc',
  'name_atc',
  'tn',
];

export const paracetamolCode = '21.20.10.232-000004-1-00220-0000000000000';

const medicine = (code: string, inn: string, form: string, dose: string, atc: string, tn: string): Row => ({
  smnn_code: code,
  standard_inn: inn,
  standard_form: form,
  standard_doze: dose,
  ktru_code: code,
  name_unit: 'шт. (таблетка)',
  okei_code: '796',
  okpd_2_code: code.slice(0, 12),
  essential_medicines: 'Да',
  narcotic_psychotropic: 'Нет',
  code_atc: atc,
  name_atc: 'Анилиды',
  tn,
});

/** Part 1: three good rows; part 2: one good row, then rows 2–5 each refused for one reason. */
export function medicineParts(): Row[][] {
  return [
    [
      medicine(
        paracetamolCode,
        'ПАРАЦЕТАМОЛ',
        'ТАБЛЕТКИ',
        '500 мг',
        'N02BE01',
        'анальгезирующее ненаркотическое средство',
      ),
      medicine(
        '21.20.10.221-000010-1-00225-0000000000000',
        'ИБУПРОФЕН',
        'ТАБЛЕТКИ, ПОКРЫТЫЕ ОБОЛОЧКОЙ',
        '400 мг',
        'M01AE01',
        'НПВП',
      ),
      {
        ...medicine(
          '21.20.23.199-000046-1-00001-0000000000000',
          'ВАКЦИНА ДЛЯ ПРОФИЛАКТИКИ КУ-ЛИХОРАДКИ',
          'ЛИОФИЛИЗАТ',
          '0.05 мл/доза',
          'J07X;J07BX',
          'МИБП - вакцина',
        ),
        essential_medicines: 'Нет',
      },
    ],
    [
      {
        ...medicine(
          '21.20.10.119-000001-1-00097-0000000000000',
          'МЕТФОРМИН',
          'ТАБЛЕТКИ',
          '1000 мг',
          '~',
          'гипогликемическое средство',
        ),
        narcotic_psychotropic: 'нет',
      },
      medicine('21.20.10.119-000001-1-00098-0000000000000', '', 'ТАБЛЕТКИ', '500 мг', 'A10BA02', 'без МНН'),
      {
        ...medicine('21.20.10.119-000001-1-00099-0000000000000', 'МЕТФОРМИН', 'ТАБЛЕТКИ', '850 мг', 'A10BA02', 'x'),
        essential_medicines: 'Может быть',
      },
      medicine(paracetamolCode, 'ПАРАЦЕТАМОЛ', 'ТАБЛЕТКИ', '500 мг', 'N02BE01', 'повтор кода'),
      medicine('21.20.10.119-000001-1-00100-0000000000000', 'МЕТФОРМИН', 'ТАБЛЕТКИ', '850 мг', 'a10-ba', 'x'),
    ],
  ];
}

export interface ExportOptions {
  oid?: string;
  version?: string;
  rowsCount?: number;
  /** Columns left out of the passport and of every row. */
  without?: string[];
  /** Replaces the raw text of a part (1-based). */
  partText?: Record<number, string>;
  /** Raw rows appended to a part as they are (not a list of fields, …). */
  extraRaw?: Record<number, unknown[]>;
}

function writeExport(
  dir: string,
  oid: string,
  columns: string[],
  parts: Row[][],
  options: ExportOptions,
): { dir: string; passport: string; parts: string[] } {
  mkdirSync(dir, { recursive: true });
  const version = options.version ?? '1.0';
  const without = new Set(options.without ?? []);
  const kept = columns.filter((column) => !without.has(column));
  const rows = parts.map((part, p) => [
    ...part.map((row) => kept.map((column) => ({ column, value: row[column] ?? null }))),
    ...(options.extraRaw?.[p + 1] ?? []),
  ]);
  const total = rows.reduce((sum, part) => sum + part.length, 0);
  const stem = join(dir, `${options.oid ?? oid}_${version}`);
  const passport = {
    result: 'OK',
    oid: options.oid ?? oid,
    version,
    rowsCount: options.rowsCount ?? total,
    fullName: 'Тестовый справочник',
    fields: kept.map((field) => ({ field, dataType: 'VARCHAR' })),
    keys: [{ field: columns[0], type: 'PRIMARY' }],
  };
  writeFileSync(`${stem}_passport.json`, JSON.stringify(passport, null, 2));
  const partPaths = rows.map((list, p) => {
    const path = `${stem}_part${p + 1}.json`;
    writeFileSync(path, options.partText?.[p + 1] ?? JSON.stringify({ result: 'OK', total, list }));
    return path;
  });
  return { dir, passport: `${stem}_passport.json`, parts: partPaths };
}

export function writeMedicinesExport(dir: string, options: ExportOptions = {}) {
  return writeExport(dir, medicinesOid, medicineColumns, medicineParts(), options);
}

const service = (id: string, code: string | null, name: string, dateOut: string | null): Row => ({
  ID: id,
  S_CODE: code,
  NAME: name,
  REL: dateOut ? '0' : '1',
  DATEOUT: dateOut,
});

/** The НМУ reuses a retired service's code: the current record is kept, the retired one skipped. */
export function writeServicesExport(dir: string, options: ExportOptions = {}) {
  return writeExport(
    dir,
    servicesOid,
    ['ID', 'S_CODE', 'NAME', 'REL', 'DATEOUT'],
    [
      [
        service('3031', 'A11.20.019', 'Получение яйцеклетки', '18.12.2020'),
        service('12122', 'A11.20.019', 'Трансвагинальная пункция фолликулов яичников', null),
        service('100', 'B01.001.001', 'Прием (осмотр, консультация) врача-акушера-гинеколога первичный', null),
        service('101', 'А16.01.001', 'Удаление поверхностно расположенного инородного тела', null),
        service('102', null, 'признать утратившей силу', null),
      ],
    ],
    options,
  );
}
