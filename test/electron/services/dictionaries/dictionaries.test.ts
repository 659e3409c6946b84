import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBusinessCalendar } from '../../../../electron/services/dictionaries/business-calendar';
import { importDictionary } from '../../../../electron/services/dictionaries/import-dictionary';
import { importDictionaryBytes, importDictionaryFile } from '../../../../electron/services/dictionaries/import-file';
import { activeDictionaries, lookup, searchEntries } from '../../../../electron/services/dictionaries/lookup';
import { openTempDesk, type TempDesk } from '../../../support/temp-desk';
import { expectAppError } from '../../../shared/errors/app-error-expect';
import { calendarXml, hasSharedData, sharedData, skipNote } from '../../../shared/domain/calendar-fixtures';
import { icd10Csv, insurersCsv, ogrn } from './dictionary-fixtures';

let desk: TempDesk;
beforeEach(async () => {
  desk = await openTempDesk({ role: 'admin' });
});
afterEach(() => desk.cleanup());

const file = (name: string, content: string | Buffer) => {
  const path = join(desk.dir, name);
  writeFileSync(path, content);
  return path;
};
const auditOf = (action: string) =>
  desk.store
    .transaction((tx) =>
      tx.all<{ details: string }>('SELECT details FROM audit_events WHERE action = ? ORDER BY seq', [action]),
    )
    .map((row) => JSON.parse(row.details) as Record<string, unknown>);

describe('importing МКБ-10 as the НСИ exports it', () => {
  it('takes the file as it comes, reports the lines it refuses with their codes, and finds codes and names', () => {
    const { outcome, refused } = importDictionaryFile(
      desk.ctx,
      'icd10',
      file('1.2.643.5.1.13.13.11.1005_2.27.csv', icd10Csv()),
    );
    expect(outcome).toMatchObject({
      status: 'imported',
      name: 'icd10',
      version: '2.27',
      rows: 8,
      refused: 5,
      replaced: null,
    });
    expect(refused).toEqual([
      { line: 10, code: 'dictionary.row.value', params: { column: 'MKB_CODE' } },
      { line: 11, code: 'dictionary.row.duplicate', params: { code: 'A00.1' } },
      { line: 12, code: 'dictionary.row.columns', params: { expected: 8, actual: 7 } },
      { line: 13, code: 'dictionary.row.quote' },
      { line: 14, code: 'dictionary.row.parent', params: { parent: '999' } },
    ]);
    const cholera = lookup(desk.ctx, 'icd10', 'A00.0');
    expect(cholera).toMatchObject({ name: 'Холера, вызванная холерным вибрионом 01', retired: false, version: '2.27' });
    expect(cholera?.data).toMatchObject({ kind: 'subcategory', codable: true, mark: null });
    expect(lookup(desk.ctx, 'icd10', 'A00')?.data).toMatchObject({ kind: 'category', codable: false });
    expect(lookup(desk.ctx, 'icd10', 'A01.0')?.data).toMatchObject({ mark: 'dagger', changed: '2020-10-07' });
    expect(lookup(desk.ctx, 'icd10', 'B59')).toMatchObject({ retired: true });
    expect(lookup(desk.ctx, 'icd10', 'Z99.9')).toBeNull();
    expect(searchEntries(desk.ctx, 'icd10', 'ХОЛЕР').map((entry) => entry.code)).toEqual(['A00', 'A00.0', 'A00.1']);
    expect(searchEntries(desk.ctx, 'icd10', 'a00.').map((entry) => entry.code)).toEqual(['A00.0', 'A00.1']);
    expect(searchEntries(desk.ctx, 'icd10', 'болезнь "кленового').map((entry) => entry.code)).toEqual(['E71.0']);
    expect(searchEntries(desk.ctx, 'icd10', 'пневмоцистоз')).toEqual([]);
    expect(
      searchEntries(desk.ctx, 'icd10', 'пневмоцистоз', { includeRetired: true }).map((entry) => entry.code),
    ).toEqual(['B59']);
    expect(auditOf('dictionaries.import')).toEqual([
      expect.objectContaining({ name: 'icd10', version: '2.27', rows: 8, refused: 5, replaced: null }),
    ]);
  });

  it('a second import of the same file is a no-op; other content under the same version is refused', () => {
    const path = file('mkb_2.27.csv', icd10Csv());
    importDictionaryFile(desk.ctx, 'icd10', path);
    const audit = desk.count('audit_events');
    expect(importDictionaryFile(desk.ctx, 'icd10', path).outcome).toMatchObject({ status: 'unchanged', rows: 8 });
    expect(desk.count('audit_events')).toBe(audit);
    const changed = file('mkb_2.27-changed.csv', icd10Csv({ renameCholera: 'Холера (новое название)' }));
    expectAppError(
      () => importDictionaryFile(desk.ctx, 'icd10', changed, { version: '2.27' }),
      'dictionary.version.conflict',
      { version: '2.27' },
    );
  });

  it('a newer version replaces the active one; an older one never does', () => {
    importDictionaryFile(desk.ctx, 'icd10', file('mkb_2.9.csv', icd10Csv()));
    const newer = importDictionaryFile(
      desk.ctx,
      'icd10',
      file('mkb_2.27.csv', icd10Csv({ renameCholera: 'Холера (2.27)' })),
    );
    expect(newer.outcome).toMatchObject({ status: 'imported', version: '2.27', replaced: '2.9' });
    expect(lookup(desk.ctx, 'icd10', 'A00.0')).toMatchObject({ name: 'Холера (2.27)', version: '2.27' });
    const older = expectAppError(
      () => importDictionaryFile(desk.ctx, 'icd10', file('mkb_2.10.csv', icd10Csv())),
      'dictionary.version.older',
      {
        version: '2.10',
        active: '2.27',
      },
    );
    expect(older.ru).toContain('2.27');
    expect(activeDictionaries(desk.ctx)).toEqual([
      expect.objectContaining({ name: 'icd10', version: '2.27', rows: 8 }),
    ]);
    // The replaced version stays for the record.
    expect(desk.count('dictionary_entries', "version = '2.9'")).toBe(8);
  });

  it('refuses a file too large, not UTF-8, without its header, or without a version, and writes nothing', () => {
    const audit = desk.count('audit_events');
    expectAppError(
      () => importDictionaryFile(desk.ctx, 'icd10', file('a_2.1.csv', icd10Csv()), { maxBytes: 100 }),
      'dictionary.file.too_large',
      { max: 100 },
    );
    expectAppError(
      () =>
        importDictionaryFile(desk.ctx, 'icd10', file('b_2.1.csv', Buffer.from([0x49, 0x44, 0x3b, 0xcf, 0xf0, 0x0a]))),
      'dictionary.file.encoding',
    );
    expectAppError(
      () => importDictionaryFile(desk.ctx, 'icd10', file('c_2.1.csv', 'CODE;NAME\nA00;Холера\n')),
      'dictionary.file.header',
    );
    expectAppError(
      () => importDictionaryFile(desk.ctx, 'icd10', file('mkb.csv', icd10Csv())),
      'dictionary.version.missing',
    );
    expectAppError(
      () => importDictionaryFile(desk.ctx, 'icd10', file('mkb.csv', icd10Csv()), { version: 'v2' }),
      'dictionary.version.format',
    );
    expectAppError(() => importDictionaryFile(desk.ctx, 'icd11', file('mkb.csv', icd10Csv())), 'dictionary.unknown', {
      name: 'icd11',
    });
    expect(desk.count('audit_events')).toBe(audit);
    expect(activeDictionaries(desk.ctx)).toEqual([]);
    expectAppError(() => lookup(desk.ctx, 'icd10', 'A00'), 'dictionary.not_found', { name: 'icd10' });
  });

  it.skipIf(!hasSharedData)(
    `reads the Ministry's own МКБ-10 export v2.27 whole${skipNote}`,
    () => {
      const { outcome, refused } = importDictionaryFile(
        desk.ctx,
        'icd10',
        join(sharedData, 'nsi', '1.2.643.5.1.13.13.11.1005_2.27.csv'),
      );
      expect(refused).toEqual([]);
      expect(outcome).toMatchObject({ status: 'imported', version: '2.27', rows: 15_038 });
      const count = (where: string) => desk.count('dictionary_entries', where);
      expect(count('retired = 1')).toBe(101);
      expect(count("json_extract(data, '$.kind') = 'class'")).toBe(22);
      expect(count("json_extract(data, '$.kind') = 'block'")).toBe(274);
      expect(lookup(desk.ctx, 'icd10', 'U07.1')?.name).toBe('COVID-19, вирус идентифицирован');
      // Every entry is found by the words of its name (dictionary_words): 15,038 names, 104,462 words.
      expect(desk.count('dictionary_words', "dictionary = 'icd10'")).toBe(104_462);
      expect(searchEntries(desk.ctx, 'icd10', 'инфекция острая верхних').map((entry) => entry.code)).toContain('J06.9');
    },
    60_000,
  );
});

describe('an import is all or nothing, with progress', () => {
  it('reports progress as it goes and, when a row fails late, leaves no trace of the import', () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({ code: String(10000 + i), name: `СМО ${i}`, data: {} }));
    const seen: number[] = [];
    importDictionary(desk.ctx, 'insurers', '1', rows, { onProgress: ({ done, total }) => seen.push(done / total) });
    expect(seen).toEqual([0.4, 0.8, 1]);
    const audit = desk.count('audit_events');
    const broken = [
      ...rows.map((row) => ({ ...row, name: `${row.name}*` })),
      { code: '10000', name: 'повтор', data: {} },
    ];
    expectAppError(() => importDictionary(desk.ctx, 'insurers', '2', broken), 'dictionary.row.duplicate', {
      code: '10000',
    });
    expect(activeDictionaries(desk.ctx)).toEqual([expect.objectContaining({ version: '1' })]);
    expect(desk.count('dictionary_entries', "version = '2'")).toBe(0);
    expect(desk.count('audit_events')).toBe(audit);
    expect(lookup(desk.ctx, 'insurers', '10000')?.name).toBe('СМО 0');
  });

  it('needs the administrator: a clerk cannot import', async () => {
    const clerk = await openTempDesk({ role: 'clerk' });
    try {
      expectAppError(
        () => importDictionary(clerk.ctx, 'insurers', '1', [{ code: '10000', name: 'СМО', data: {} }]),
        'forbidden',
      );
    } finally {
      await clerk.cleanup();
    }
  });
});

describe('the insurers registry (our CSV format)', () => {
  it('checks codes, regions, OGRN and validity periods row by row', () => {
    const { outcome, refused } = importDictionaryFile(desk.ctx, 'insurers', file('insurers.csv', insurersCsv()), {
      version: '2026-11-01',
    });
    expect(outcome).toMatchObject({ status: 'imported', name: 'insurers', version: '2026-11-01', rows: 2, refused: 4 });
    expect(refused.map((row) => [row.line, row.code, row.params?.column])).toEqual([
      [4, 'dictionary.row.ogrn', undefined],
      [5, 'dictionary.row.period', undefined],
      [6, 'dictionary.row.value', 'OKATO'],
      [7, 'dictionary.row.value', 'CODE'],
    ]);
    expect(lookup(desk.ctx, 'insurers', '45001')).toMatchObject({
      name: 'ООО «Тестовая страховая компания»',
      data: { okato: '45', oktmo: '45000000', ogrn: ogrn('102770000001'), validFrom: '2011-01-01', validTo: null },
    });
    expect(searchEntries(desk.ctx, 'insurers', 'ао').map((entry) => entry.code)).toEqual(['50002']);
  });

  it('takes the bytes of an upload the same way as a file, with the same size limit', () => {
    const bytes = new TextEncoder().encode(insurersCsv());
    expectAppError(
      () => importDictionaryBytes(desk.ctx, 'insurers', bytes, 'upload.csv', { version: '1', maxBytes: 10 }),
      'dictionary.file.too_large',
      { max: 10 },
    );
    expect(importDictionaryBytes(desk.ctx, 'insurers', bytes, 'upload.csv', { version: '1' }).outcome).toMatchObject({
      status: 'imported',
      rows: 2,
      refused: 4,
    });
    expect(activeDictionaries(desk.ctx)).toEqual([
      expect.objectContaining({ name: 'insurers', sourceName: 'upload.csv' }),
    ]);
  });
});

describe('the production calendar as a dictionary', () => {
  const year2026 = calendarXml(2026, ['<day d="01.01" t="1" h="1"/>', '<day d="12.31" t="1"/>']);
  const year2027 = calendarXml(
    2027,
    ['01', '02', '03', '04', '05', '06', '07', '08'].map((day) => `<day d="01.${day}" t="1" h="1"/>`),
  );

  it('each year is its own dictionary, versioned by the file date; a deadline needs the next year imported', () => {
    const imported = importDictionaryFile(desk.ctx, 'calendar-ru', file('2026.xml', year2026));
    expect(imported.outcome).toMatchObject({ name: 'calendar-ru/2026', version: '2025-09-30', rows: 2 });
    expectAppError(() => loadBusinessCalendar(desk.ctx).addBusinessDays('2026-12-25', 5), 'calendar.year_missing', {
      year: 2027,
    });
    importDictionaryFile(desk.ctx, 'calendar-ru', file('2027.xml', year2027));
    expect(loadBusinessCalendar(desk.ctx).addBusinessDays('2026-12-25', 5)).toBe('2027-01-12');
    expect(lookup(desk.ctx, 'calendar-ru/2027', '2027-01-08')).toMatchObject({
      name: 'выходной',
      data: { kind: 'off', holiday: 'Новогодние каникулы' },
    });
  });

  it('refuses a malformed calendar whole, naming the line, and a file whose name says another year', () => {
    expectAppError(
      () =>
        importDictionaryFile(desk.ctx, 'calendar-ru', file('2030.xml', calendarXml(2030, ['<day d="01.01" t="7"/>']))),
      'calendar.xml.value',
      {
        line: 7,
        name: 't',
      },
    );
    expectAppError(
      () => importDictionaryFile(desk.ctx, 'calendar-ru', file('2031.xml', year2026)),
      'calendar.xml.year_mismatch',
      { year: 2026, expected: 2031 },
    );
    expect(activeDictionaries(desk.ctx)).toEqual([]);
  });

  it.skipIf(!hasSharedData)(`the published 2025 and 2026 import with 247 working days each${skipNote}`, () => {
    for (const year of [2025, 2026])
      importDictionaryFile(desk.ctx, 'calendar-ru', join(sharedData, 'calendar-ru', `${year}.xml`));
    const calendar = loadBusinessCalendar(desk.ctx);
    expect(calendar.years).toEqual([2025, 2026]);
    expect(calendar.businessDaysIn(2025)).toBe(247);
    expect(calendar.businessDaysIn(2026)).toBe(247);
  });
});
