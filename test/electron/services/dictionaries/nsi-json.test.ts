import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDictionarySource } from '../../../../electron/services/dictionaries/dictionary-source';
import {
  importDictionaryBytes,
  importDictionaryFiles,
  maxDictionaryBytes,
} from '../../../../electron/services/dictionaries/import-file';
import { lookup, searchEntries } from '../../../../electron/services/dictionaries/lookup';
import { expectAppError } from '../../../shared/errors/app-error-expect';
import { hasSharedData, sharedData, skipNote } from '../../../shared/domain/calendar-fixtures';
import { openTempDesk, type TempDesk } from '../../../support/temp-desk';
import { medicinesOid, paracetamolCode, writeMedicinesExport, writeServicesExport } from './nsi-fixtures';

let desk: TempDesk;
beforeEach(async () => {
  desk = await openTempDesk({ role: 'admin' });
});
afterEach(() => desk.cleanup());

const nothingImported = () => {
  expect(desk.count('dictionaries')).toBe(0);
  expect(desk.count('dictionary_entries')).toBe(0);
  expect(desk.count('dictionary_words')).toBe(0);
};

describe('the ЕСКЛП (узлы СМНН) as the ФНСИ exports it: a passport and parts', () => {
  it('imports a directory, refuses bad rows alone with their part and row, and keeps the medicine facts', () => {
    const { dir } = writeMedicinesExport(join(desk.dir, 'esklp'));
    const { outcome, refused } = importDictionaryFiles(desk.ctx, 'medicines', [dir]);
    expect(outcome).toMatchObject({ status: 'imported', name: 'medicines', version: '1.0', rows: 4, refused: 4 });
    expect(refused).toEqual([
      { part: 2, line: 2, code: 'dictionary.row.value', params: { column: 'standard_inn' } },
      { part: 2, line: 3, code: 'dictionary.row.value', params: { column: 'essential_medicines' } },
      { part: 2, line: 4, code: 'dictionary.row.duplicate', params: { code: paracetamolCode } },
      { part: 2, line: 5, code: 'dictionary.row.value', params: { column: 'code_atc' } },
    ]);
    expect(lookup(desk.ctx, 'medicines', paracetamolCode)).toMatchObject({
      name: 'ПАРАЦЕТАМОЛ ТАБЛЕТКИ 500 мг',
      retired: false,
      data: {
        inn: 'ПАРАЦЕТАМОЛ',
        form: 'ТАБЛЕТКИ',
        dose: '500 мг',
        unit: 'шт. (таблетка)',
        atc: 'N02BE01',
        atcCodes: null,
        atcName: 'Анилиды',
        tradeName: 'анальгезирующее ненаркотическое средство',
        essential: true,
        narcotic: false,
      },
    });
    expect(lookup(desk.ctx, 'medicines', '21.20.10.119-000001-1-00097-0000000000000')?.data).toMatchObject({
      atc: null,
      narcotic: false,
    });
    expect(lookup(desk.ctx, 'medicines', '21.20.23.199-000046-1-00001-0000000000000')?.data).toMatchObject({
      atc: 'J07BX',
      atcCodes: 'J07X;J07BX',
      essential: false,
    });
  });

  it('takes the list of files too; the same export again is unchanged, an older version refused', () => {
    const files = writeMedicinesExport(join(desk.dir, 'v1'));
    const first = importDictionaryFiles(desk.ctx, 'medicines', [files.passport, ...files.parts.reverse()]);
    expect(first.outcome.status).toBe('imported');
    const audit = desk.count('audit_events');
    expect(importDictionaryFiles(desk.ctx, 'medicines', [join(desk.dir, 'v1')]).outcome).toMatchObject({
      status: 'unchanged',
      rows: 4,
    });
    expect(desk.count('audit_events')).toBe(audit);
    const newer = writeMedicinesExport(join(desk.dir, 'v2'), { version: '1.2' });
    expect(importDictionaryFiles(desk.ctx, 'medicines', [newer.dir]).outcome).toMatchObject({ replaced: '1.0' });
    const older = writeMedicinesExport(join(desk.dir, 'v0'), { version: '0.9' });
    expectAppError(() => importDictionaryFiles(desk.ctx, 'medicines', [older.dir]), 'dictionary.version.older', {
      version: '0.9',
      active: '1.2',
    });
  });

  it('reads a newer export with more and reordered columns; refuses one without a needed column', () => {
    const files = writeMedicinesExport(join(desk.dir, 'ok'));
    const passport = JSON.parse(readFileSync(files.passport, 'utf8')) as { fields: { field: string }[] };
    passport.fields = [{ field: 'new_column' }, ...passport.fields.reverse()];
    writeFileSync(files.passport, JSON.stringify(passport));
    expect(importDictionaryFiles(desk.ctx, 'medicines', [files.dir]).outcome.rows).toBe(4);

    const missing = writeMedicinesExport(join(desk.dir, 'missing'), { version: '2.0', without: ['standard_inn'] });
    expectAppError(() => importDictionaryFiles(desk.ctx, 'medicines', [missing.dir]), 'dictionary.nsi.column', {
      column: 'standard_inn',
    });
    expect(desk.count('dictionaries', "version = '2.0'")).toBe(0);
  });

  it('refuses the export of another dictionary, and parts that do not hold the passport’s rows', () => {
    const other = writeMedicinesExport(join(desk.dir, 'other'), { oid: '1.2.643.5.1.13.13.11.1070' });
    expectAppError(
      () => importDictionaryFiles(desk.ctx, 'medicines', [other.passport, ...other.parts]),
      'dictionary.nsi.oid',
      {
        expected: medicinesOid,
        actual: '1.2.643.5.1.13.13.11.1070',
      },
    );
    const short = writeMedicinesExport(join(desk.dir, 'short'), { rowsCount: 10 });
    expectAppError(() => importDictionaryFiles(desk.ctx, 'medicines', [short.dir]), 'dictionary.nsi.rows_count', {
      expected: 10,
      actual: 8,
    });
    const lost = writeMedicinesExport(join(desk.dir, 'lost'));
    expectAppError(
      () => importDictionaryFiles(desk.ctx, 'medicines', [lost.passport, lost.parts[0]!]),
      'dictionary.nsi.rows_count',
      { expected: 8, actual: 3 },
    );
    expectAppError(() => importDictionaryFiles(desk.ctx, 'medicines', [lost.passport]), 'dictionary.nsi.no_parts');
    expectAppError(() => importDictionaryFiles(desk.ctx, 'medicines', lost.parts), 'dictionary.nsi.passport_missing');
    nothingImported();
  });

  it('names a part that is not JSON, an empty file, a file that is no ФНСИ export, and a row that is no row', () => {
    const broken = writeMedicinesExport(join(desk.dir, 'broken'), { partText: { 2: '{"total": 8, "list": [' } });
    expectAppError(() => importDictionaryFiles(desk.ctx, 'medicines', [broken.dir]), 'dictionary.nsi.json', {
      file: `${medicinesOid}_1.0_part2.json`,
    });
    const empty = writeMedicinesExport(join(desk.dir, 'empty'), { partText: { 1: '' } });
    expectAppError(() => importDictionaryFiles(desk.ctx, 'medicines', [empty.dir]), 'dictionary.nsi.empty', {
      file: `${medicinesOid}_1.0_part1.json`,
    });
    const shape = writeMedicinesExport(join(desk.dir, 'shape'), { partText: { 1: '{"rows": []}' } });
    expectAppError(() => importDictionaryFiles(desk.ctx, 'medicines', [shape.dir]), 'dictionary.nsi.shape');
    const latin1 = writeMedicinesExport(join(desk.dir, 'latin1'));
    writeFileSync(latin1.parts[0]!, Buffer.from([0x7b, 0xe9, 0x7d]));
    expectAppError(() => importDictionaryFiles(desk.ctx, 'medicines', [latin1.dir]), 'dictionary.file.encoding');
    nothingImported();

    const odd = writeMedicinesExport(join(desk.dir, 'odd'), { extraRaw: { 1: ['строка', [{ col: 1 }]] } });
    const { refused } = importDictionaryFiles(desk.ctx, 'medicines', [odd.dir]);
    expect(refused.slice(0, 2)).toEqual([
      { part: 1, line: 4, code: 'dictionary.row.shape' },
      { part: 1, line: 5, code: 'dictionary.row.shape' },
    ]);
  });

  it('refuses an export over the size limit before reading any of its files', () => {
    const files = writeMedicinesExport(join(desk.dir, 'huge'));
    truncateSync(files.parts[1]!, maxDictionaryBytes + 1);
    const reads: string[] = [];
    const readFile = (path: string) => {
      reads.push(path);
      return readFileSync(path);
    };
    expectAppError(
      () => importDictionaryFiles(desk.ctx, 'medicines', [files.dir], { readFile }),
      'dictionary.file.too_large',
      {
        max: maxDictionaryBytes,
      },
    );
    expect(reads).toEqual([]);
    nothingImported();
  });

  it('a release carries the export as one bundle, which the follower imports as bytes', () => {
    const files = writeMedicinesExport(join(desk.dir, 'bundle'));
    const source = readDictionarySource('medicines', [files.dir], { maxBytes: maxDictionaryBytes });
    expect(source.sourceName).toBe(`${medicinesOid}_1.0.fnsi.json`);
    const again = readDictionarySource('medicines', [files.passport, ...files.parts], { maxBytes: maxDictionaryBytes });
    expect(Buffer.from(again.bytes).equals(Buffer.from(source.bytes))).toBe(true);
    const { outcome } = importDictionaryBytes(desk.ctx, 'medicines', source.bytes, source.sourceName);
    expect(outcome).toMatchObject({ status: 'imported', version: '1.0', rows: 4 });
    expect(importDictionaryFiles(desk.ctx, 'medicines', [files.dir]).outcome.status).toBe('unchanged');
    expectAppError(
      () => importDictionaryBytes(desk.ctx, 'medicines', Buffer.from('not json'), 'x.json'),
      'dictionary.nsi.json',
    );
  });
});

describe('the Номенклатура медицинских услуг as the ФНСИ exports it', () => {
  it('keeps the current record of a reused code, retires by DATEOUT, reads a Cyrillic А as Latin', () => {
    const { dir } = writeServicesExport(join(desk.dir, 'nmu'));
    const { outcome, refused } = importDictionaryFiles(desk.ctx, 'services', [dir]);
    expect(outcome).toMatchObject({ status: 'imported', name: 'services', rows: 3, refused: 2 });
    expect(refused).toEqual([
      { part: 1, line: 1, code: 'dictionary.row.superseded', params: { code: 'A11.20.019' } },
      { part: 1, line: 5, code: 'dictionary.row.value', params: { column: 'S_CODE' } },
    ]);
    expect(lookup(desk.ctx, 'services', 'A11.20.019')).toMatchObject({
      name: 'Трансвагинальная пункция фолликулов яичников',
      retired: false,
      data: { id: 12122, dateOut: null },
    });
    expect(lookup(desk.ctx, 'services', 'A16.01.001')?.name).toBe(
      'Удаление поверхностно расположенного инородного тела',
    );
    expect(searchEntries(desk.ctx, 'services', 'прием врача').map((entry) => entry.code)).toEqual(['B01.001.001']);
  });
});

describe.skipIf(!hasSharedData)(`the ministry's own exports${skipNote}`, () => {
  const nsiJson = join(sharedData, 'nsi-json');

  it('imports the ЕСКЛП v5.46 whole: 7,359 medicines, found by МНН and by the export’s trade-name column', () => {
    const { outcome, refused } = importDictionaryFiles(desk.ctx, 'medicines', [nsiJson]);
    expect(refused).toEqual([]);
    expect(outcome).toMatchObject({ status: 'imported', version: '5.46', rows: 7_359 });
    expect(desk.count('dictionary_entries', "dictionary = 'medicines' AND json_extract(data, '$.narcotic') = 1")).toBe(
      112,
    );
    const ibuprofen = searchEntries(desk.ctx, 'medicines', 'ибупрофен таблетки 400', { limit: 200 });
    expect(ibuprofen.length).toBeGreaterThan(0);
    expect(ibuprofen.every((entry) => String(entry.data.inn).includes('ИБУПРОФЕН'))).toBe(true);
    const nsaid = searchEntries(desk.ctx, 'medicines', 'нпвп ибупр', { limit: 200 });
    expect(nsaid.length).toBeGreaterThan(0);
    expect(
      nsaid.every(
        (entry) => String(entry.data.tradeName).includes('НПВП') && String(entry.data.inn).includes('ИБУПРОФЕН'),
      ),
    ).toBe(true);
  }, 60_000);

  // The ministry retired 57 codes written with a Cyrillic А/В and added them again in Latin, and
  // reused 14 codes of retired services: the current record of each code is kept.
  it('imports the НМУ v2.10: all 10,981 rows accounted for, the reused codes kept current', () => {
    const { outcome, refused } = importDictionaryFiles(desk.ctx, 'services', [nsiJson]);
    expect(outcome).toMatchObject({ status: 'imported', version: '2.10' });
    expect(outcome.rows + refused.length).toBe(10_981);
    expect(refused.filter((row) => row.code === 'dictionary.row.superseded')).toHaveLength(71);
    expect(refused.filter((row) => row.code !== 'dictionary.row.superseded')).toEqual([
      expect.objectContaining({ code: 'dictionary.row.value', params: { column: 'S_CODE' } }),
      expect.objectContaining({ code: 'dictionary.row.value', params: { column: 'S_CODE' } }),
    ]);
    expect(lookup(desk.ctx, 'services', 'A27.05.046')).toMatchObject({ retired: false });
    expect(lookup(desk.ctx, 'services', 'B01.003.004.008.001')).toMatchObject({ retired: false, data: { id: 12139 } });
  }, 60_000);
});
