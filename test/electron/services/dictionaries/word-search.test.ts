import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importDictionary } from '../../../../electron/services/dictionaries/import-dictionary';
import { importDictionaryFile, importDictionaryFiles } from '../../../../electron/services/dictionaries/import-file';
import { codeSearchSql, searchEntries, wordSearchSql } from '../../../../electron/services/dictionaries/lookup';
import { openTempDesk, type TempDesk } from '../../../support/temp-desk';
import { icd10Csv } from './dictionary-fixtures';
import { writeMedicinesExport } from './nsi-fixtures';

let desk: TempDesk;
beforeEach(async () => {
  desk = await openTempDesk({ role: 'admin' });
});
afterEach(() => desk.cleanup());

const codes = (query: string, options?: Parameters<typeof searchEntries>[3]) =>
  searchEntries(desk.ctx, 'icd10', query, options).map((entry) => entry.code);

/** A few МКБ-10-like rows: respiratory infections, a hedgehog's name for ё, and codes that start words. */
function importRespiratory(): void {
  const row = (code: string, name: string) => ({ code, name, data: {} });
  importDictionary(desk.ctx, 'icd10', '1', [
    row('J00', 'Острый назофарингит (насморк)'),
    row('J06', 'Острые инфекции верхних дыхательных путей множественной и неуточненной локализации'),
    row('J06.0', 'Острый ларингофарингит'),
    row('J06.9', 'Острая инфекция верхних дыхательных путей неуточненная'),
    row('J20.9', 'Острый бронхит неуточненный'),
    row('J22', 'Острая респираторная инфекция нижних дыхательных путей неуточненная'),
    row('W55.2', 'Укус ежа'),
    row('X99', 'Ёжик в тумане'),
    { ...row('B59', 'Пневмоцистная инфекция острая'), retired: true },
  ]);
}

describe('searching a dictionary by code prefix or by words', () => {
  it('finds every query word as the start of some word of the name, in any order, ё = е, any case', () => {
    importRespiratory();
    expect(codes('инфекция острая')).toEqual(['J06.9', 'J22']);
    expect(codes('ОСТР ИНФЕКЦ')).toEqual(['J06', 'J06.9', 'J22']);
    expect(codes('острая инфекция')).toEqual(['J06.9', 'J22']);
    expect(codes('инф верх дых')).toEqual(['J06', 'J06.9']);
    expect(codes('ёж')).toEqual(['W55.2', 'X99']);
    expect(codes('еж')).toEqual(['W55.2', 'X99']);
    expect(codes('ЕЖИК')).toEqual(['X99']);
    expect(codes('инфекция острая', { includeRetired: true })).toEqual(['B59', 'J06.9', 'J22']);
    expect(codes('острая грипп')).toEqual([]);
    expect(codes('(насморк)')).toEqual(['J00']);
    expect(codes('  ')).toEqual(['J00', 'J06', 'J06.0', 'J06.9', 'J20.9', 'J22', 'W55.2', 'X99']);
  });

  it('lists code-prefix matches first, then word matches, each in code order, within the limit', () => {
    importRespiratory();
    const row = (code: string, name: string) => ({ code, name, data: {} });
    importDictionary(desk.ctx, 'icd10', '2', [
      row('A10', 'Бронхит вымышленный'),
      row('B20', 'Бронхит другой'),
      row('J20', 'Бронхит острый'),
      row('J20.0', 'Острый бронхит, вызванный Mycoplasma pneumoniae'),
      row('Z10', 'Ещё одна болезнь с j20 в названии'),
    ]);
    expect(codes('j20')).toEqual(['J20', 'J20.0', 'Z10']);
    expect(codes('бронхит')).toEqual(['A10', 'B20', 'J20', 'J20.0']);
    expect(codes('бронхит', { limit: 2 })).toEqual(['A10', 'B20']);
    expect(codes('j20', { limit: 2 })).toEqual(['J20', 'J20.0']);
    expect(codes('бронхит', { limit: 10_000 })).toHaveLength(4);
  });

  it('pages through common words (more than a thousand entries start so) in code order too', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => ({
      code: `C${String(i).padStart(4, '0')}`,
      name: `Состояние ${i % 3 === 0 ? 'сложное' : 'простое'} номер ${i}`,
      data: {},
    }));
    importDictionary(desk.ctx, 'icd10', '1', rows);
    expect(codes('с', { limit: 3 })).toEqual(['C0000', 'C0001', 'C0002']);
    expect(codes('сост слож', { limit: 3 })).toEqual(['C0000', 'C0003', 'C0006']);
    expect(codes('с с 1499')).toEqual(['C1499']);
    expect(codes('слож 1499')).toEqual([]);
  });

  it('searches only the active version, whose words are its own', () => {
    importDictionaryFile(desk.ctx, 'icd10', writeFile('mkb_2.27.csv', icd10Csv()));
    importDictionaryFile(desk.ctx, 'icd10', writeFile('mkb_2.28.csv', icd10Csv({ renameCholera: 'Азиатская холера' })));
    expect(codes('азиатская')).toEqual(['A00.0']);
    expect(codes('вибрионом 01')).toEqual(['A00.1']);
    expect(desk.count('dictionary_words', "version = '2.27' AND word = 'вибрионом'")).toBe(2);
  });

  it('finds a medicine by its МНН or by the export’s trade-name column, and never a calendar by words', () => {
    importDictionaryFiles(desk.ctx, 'medicines', [writeMedicinesExport(join(desk.dir, 'esklp')).dir]);
    const medicines = (query: string) => searchEntries(desk.ctx, 'medicines', query).map((entry) => entry.data.inn);
    expect(medicines('парацет')).toEqual(['ПАРАЦЕТАМОЛ']);
    expect(medicines('нпвп')).toEqual(['ИБУПРОФЕН']);
    expect(medicines('таблетки ибупрофен 400')).toEqual(['ИБУПРОФЕН']);
    expect(medicines('лихорадки ку')).toEqual(['ВАКЦИНА ДЛЯ ПРОФИЛАКТИКИ КУ-ЛИХОРАДКИ']);
    expect(desk.count('dictionary_words', "dictionary LIKE 'calendar-ru/%'")).toBe(0);
  });

  it('answers from keys only: a code range, a rare word’s range, then a seek per entry and word', () => {
    importRespiratory();
    const plan = (sql: string, params: unknown[]) =>
      desk.store.read((tx) => tx.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params)).map((row) => row.detail);
    const range = (word: string) => ['icd10', '1', word, `${word}\uffff`];
    const tail = ['ИНФ', 'ИНФ\uffff', 0, 20];
    const byCode = plan(codeSearchSql, ['icd10', '1', 'J06', 'J06\uffff', 0, 20]);
    expect(byCode).toEqual([
      expect.stringMatching(
        /SEARCH dictionary_entries USING PRIMARY KEY \(dictionary=\? AND version=\? AND code>\? AND code<\?\)/,
      ),
    ]);
    const wordRange =
      /SEARCH dictionary_words USING PRIMARY KEY \(dictionary=\? AND version=\? AND word>\? AND word<\?\)/;
    const wordSeek =
      /SEARCH w (?:EXISTS )?USING COVERING INDEX dictionary_words_by_code \(dictionary=\? AND version=\? AND code=\? AND word>\? AND word<\?\)/;
    // A rare word drives: its range of the primary key, then each entry by its code.
    const driven = plan(wordSearchSql(true, 1), ['icd10', '1', ...range('инф'), ...range('остр'), ...tail]);
    expect(driven).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/SEARCH e USING PRIMARY KEY \(dictionary=\? AND version=\? AND code=\?\)/),
        expect.stringMatching(wordRange),
        expect.stringMatching(wordSeek),
      ]),
    );
    // Only common words: entries in code order (no sort), each checked by a seek per word.
    const ordered = plan(wordSearchSql(false, 2), ['icd10', '1', ...range('о'), ...range('с'), ...tail]);
    expect(ordered).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/SEARCH e USING PRIMARY KEY \(dictionary=\? AND version=\?\)/),
        expect.stringMatching(wordSeek),
      ]),
    );
    expect(ordered.join('\n')).not.toMatch(/TEMP B-TREE/);
    expect([...byCode, ...driven, ...ordered].join('\n')).not.toMatch(/SCAN/);
  });
});

function writeFile(name: string, content: string): string {
  const path = join(desk.dir, name);
  writeFileSync(path, content);
  return path;
}
