import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoConditions } from '../../../electron/demo/chart-conditions';

/**
 * Small НСИ files the demo tests write into `dir`, named and laid out as the ministry publishes
 * them (`nsi/` for the CSV, `nsi-json/` for ФНСИ exports): the demo conditions' МКБ-10 codes (a
 * class, each category and subcategory) and an ЕСКЛП export (passport + one part) with a tablet of
 * each demo medicine. Never copies of the published files.
 */
export interface DemoNsiFiles {
  icd10: string;
  /** The folder of the ЕСКЛП export. */
  medicines: string;
}

const medicines: [inn: string, dose: string, atc: string][] = [
  ['ПАРАЦЕТАМОЛ', '500 мг', 'N02BE01'],
  ['ИБУПРОФЕН', '200 мг', 'M01AE01'],
  ['ИБУПРОФЕН', '400 мг', 'M01AE01'],
  ['АМОКСИЦИЛЛИН', '500 мг', 'J01CA04'],
  ['АЗИТРОМИЦИН', '500 мг', 'J01FA10'],
  ['ЭНАЛАПРИЛ', '10 мг', 'C09AA02'],
  ['АМЛОДИПИН', '5 мг', 'C08CA01'],
  ['ЛОЗАРТАН', '50 мг', 'C09CA01'],
  ['МЕТФОРМИН', '1000 мг', 'A10BA02'],
  ['АТОРВАСТАТИН', '20 мг', 'C10AA05'],
  ['ОМЕПРАЗОЛ', '20 мг', 'A02BC01'],
  ['МЕЛОКСИКАМ', '15 мг', 'M01AC06'],
  ['НИТРОФУРАНТОИН', '100 мг', 'J01XE01'],
  ['ЛЕВОТИРОКСИН НАТРИЯ', '0.075 мг', 'H03AA01'],
  ['ЦЕТИРИЗИН', '10 мг', 'R06AE07'],
];

function writeIcd10(dir: string): string {
  const lines = ['ID;REC_CODE;MKB_CODE;MKB_NAME;ID_PARENT;ADDL_CODE;ACTUAL;DATE', '1;01;"X";"КЛАСС ДЛЯ ТЕСТА";;;1;'];
  let id = 2;
  for (const { icd10 } of demoConditions) {
    const category = icd10.split('.')[0]!;
    const parent = id++;
    lines.push(`${parent};"T${category}";"${category}";"Рубрика ${category}";1;;1;`);
    if (category !== icd10) lines.push(`${id++};"T${icd10}";"${icd10}";"Подрубрика ${icd10}";${parent};;1;`);
  }
  mkdirSync(join(dir, 'nsi'), { recursive: true });
  const path = join(dir, 'nsi', '1.2.643.5.1.13.13.11.1005_1.0.csv');
  writeFileSync(path, lines.join('\r\n'));
  return path;
}

function writeMedicines(dir: string): string {
  const folder = join(dir, 'nsi-json');
  const columns = [
    'smnn_code',
    'standard_inn',
    'standard_form',
    'standard_doze',
    'name_unit',
    'code_atc',
    'name_atc',
    'tn',
    'essential_medicines',
    'narcotic_psychotropic',
  ];
  const rows = medicines.map(([inn, dose, atc], i) =>
    [
      `21.20.10.${100 + i}-000001-1-00001-0000000000000`,
      inn,
      'ТАБЛЕТКИ',
      dose,
      'шт. (таблетка)',
      atc,
      'Группа',
      inn.toLowerCase(),
      'Да',
      'Нет',
    ].map((value, c) => ({ column: columns[c]!, value })),
  );
  const oid = '1.2.643.5.1.13.13.99.2.611';
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, `${oid}_1.0_passport.json`),
    JSON.stringify({ oid, version: '1.0', rowsCount: rows.length, fields: columns.map((field) => ({ field })) }),
  );
  writeFileSync(
    join(folder, `${oid}_1.0_part1.json`),
    JSON.stringify({ result: 'OK', total: rows.length, list: rows }),
  );
  return folder;
}

export function writeDemoNsiFiles(dir: string): DemoNsiFiles {
  return { icd10: writeIcd10(dir), medicines: writeMedicines(dir) };
}
