import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formularyRules, medicineFacts } from '../../../../electron/services/dictionaries/chart-facts';
import { importDictionaryFile, importDictionaryFiles } from '../../../../electron/services/dictionaries/import-file';
import { expectAppError } from '../../../shared/errors/app-error-expect';
import { openTempDesk, type TempDesk } from '../../../support/temp-desk';
import { paracetamolCode, writeMedicinesExport } from './nsi-fixtures';

let desk: TempDesk;
beforeEach(async () => {
  desk = await openTempDesk({ role: 'admin' });
});
afterEach(() => desk.cleanup());

const sample = join(import.meta.dirname, '../../../fixtures/nsi/formulary-sample.csv');
const file = (name: string, content: string) => {
  const path = join(desk.dir, name);
  writeFileSync(path, content);
  return path;
};

describe('the clinic’s formulary (our CSV)', () => {
  it('imports the sample with --version and gives the chart its rules', () => {
    expect(formularyRules(desk.ctx)).toEqual([]);
    expectAppError(() => importDictionaryFile(desk.ctx, 'formulary', sample), 'dictionary.version.missing');
    const { outcome, refused } = importDictionaryFile(desk.ctx, 'formulary', sample, { version: '2026-12-01' });
    expect(refused).toEqual([]);
    expect(outcome).toMatchObject({ status: 'imported', name: 'formulary', version: '2026-12-01', rows: 7 });
    const rules = formularyRules(desk.ctx);
    expect(rules).toHaveLength(7);
    expect(rules).toContainEqual({
      inn: 'ПАРАЦЕТАМОЛ',
      atc: null,
      form: null,
      route: 'oral',
      unit: 'mg',
      ageFrom: 6,
      ageTo: 12,
      maxSingle: 500,
      maxDaily: 2000,
    });
    expect(rules).toContainEqual(expect.objectContaining({ inn: null, atc: 'M01AE01', ageFrom: 6, ageTo: 12 }));
    expect(rules).toContainEqual(
      expect.objectContaining({
        inn: 'ЦЕФТРИАКСОН',
        route: 'intravenous',
        maxSingle: 2000,
        maxDaily: 4000,
        ageTo: null,
      }),
    );
    expect(rules).toContainEqual(expect.objectContaining({ inn: 'МЕТФОРМИН', form: 'ТАБЛЕТКИ' }));

    // A new version is read at once (nothing kept from the old one).
    const lines = readFileSync(sample, 'utf8').trimEnd().split('\n');
    importDictionaryFile(desk.ctx, 'formulary', file('f2.csv', lines.slice(0, 2).join('\n')), {
      version: '2026-12-02',
    });
    expect(formularyRules(desk.ctx)).toEqual([expect.objectContaining({ inn: 'ПАРАЦЕТАМОЛ', ageFrom: 12 })]);
  });

  it('takes any column order and refuses each bad line alone, with its line and code', () => {
    const csv = [
      'MAX_DAILY;MAX_SINGLE;AGE_TO;AGE_FROM;UNIT;ROUTE;FORM;ATC;INN',
      '4000;1000;;18;mg;oral;;;парацетамол',
      '1200;400;;12;mg;;;M01AE01;',
      '4000;1000;;18;mg;oral;;N02BE01;ПАРАЦЕТАМОЛ',
      '4000;1000;;18;mg;oral;;;',
      '4000;1000;;18;mg;by mouth;;;ИБУПРОФЕН',
      '4000;1000;;18;мг;oral;;;ИБУПРОФЕН',
      '4000;1000;12;18;mg;oral;;;ИБУПРОФЕН',
      '1000;4000;;18;mg;oral;;;ИБУПРОФЕН',
      '4000;0;;18;mg;oral;;;ИБУПРОФЕН',
      '4000;1000;;взрослые;mg;oral;;;ИБУПРОФЕН',
      '4000;1000;;18;mg;oral;;N02-BE;',
      '4000;1000;;18;mg;oral;;;ПАРАЦЕТАМОЛ',
      '4000;1000;;18;mg;oral',
    ].join('\n');
    const { outcome, refused } = importDictionaryFile(desk.ctx, 'formulary', file('f.csv', csv), { version: '1' });
    expect(outcome.rows).toBe(2);
    expect(refused).toEqual([
      { line: 4, code: 'dictionary.row.inn_or_atc' },
      { line: 5, code: 'dictionary.row.inn_or_atc' },
      { line: 6, code: 'dictionary.row.value', params: { column: 'ROUTE' } },
      { line: 7, code: 'dictionary.row.value', params: { column: 'UNIT' } },
      { line: 8, code: 'dictionary.row.age_band', params: { from: 18, to: 12 } },
      { line: 9, code: 'dictionary.row.daily_below_single', params: { single: 4000, daily: 1000 } },
      { line: 10, code: 'dictionary.row.value', params: { column: 'MAX_SINGLE' } },
      { line: 11, code: 'dictionary.row.value', params: { column: 'AGE_FROM' } },
      { line: 12, code: 'dictionary.row.value', params: { column: 'ATC' } },
      { line: 13, code: 'dictionary.row.duplicate', params: { code: 'ПАРАЦЕТАМОЛ||oral|18' } },
      { line: 14, code: 'dictionary.row.columns', params: { expected: 9, actual: 6 } },
    ]);
    expect(formularyRules(desk.ctx)[1]).toMatchObject({ inn: 'ПАРАЦЕТАМОЛ', route: 'oral', ageFrom: 18 });
  });

  it('refuses a header with neither INN nor ATC, or without a dose column, and writes nothing', () => {
    const noSubject = 'FORM;UNIT;AGE_FROM;MAX_SINGLE;MAX_DAILY\n;mg;18;1000;4000';
    expectAppError(
      () => importDictionaryFile(desk.ctx, 'formulary', file('a.csv', noSubject), { version: '1' }),
      'dictionary.file.header',
    );
    const noDaily = 'INN;UNIT;AGE_FROM;MAX_SINGLE\nПАРАЦЕТАМОЛ;mg;18;1000';
    expectAppError(
      () => importDictionaryFile(desk.ctx, 'formulary', file('b.csv', noDaily), { version: '1' }),
      'dictionary.file.header',
    );
    expectAppError(
      () => importDictionaryFiles(desk.ctx, 'formulary', [sample, sample], { version: '1' }),
      'dictionary.file.one',
      { count: 2 },
    );
    expect(desk.count('dictionaries')).toBe(0);
  });
});

describe('the medicine facts the prescription check reads', () => {
  it('gives the active ЕСКЛП’s facts of a medicine, null for an unknown code or no ЕСКЛП', () => {
    expect(medicineFacts(desk.ctx, paracetamolCode)).toBeNull();
    importDictionaryFiles(desk.ctx, 'medicines', [writeMedicinesExport(join(desk.dir, 'esklp')).dir]);
    expect(medicineFacts(desk.ctx, paracetamolCode)).toEqual({
      code: paracetamolCode,
      inn: 'ПАРАЦЕТАМОЛ',
      form: 'ТАБЛЕТКИ',
      atc: 'N02BE01',
      tradeName: 'анальгезирующее ненаркотическое средство',
    });
    expect(medicineFacts(desk.ctx, '21.20.23.199-000046-1-00001-0000000000000')?.atc).toBe('J07BX');
    expect(medicineFacts(desk.ctx, '21.20.10.119-000001-1-00097-0000000000000')?.atc).toBeNull();
    expect(medicineFacts(desk.ctx, 'no-such-code')).toBeNull();
  });
});
