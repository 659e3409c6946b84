import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartCatalogue } from '../../../electron/demo/chart-catalogue';
import { demoConditions } from '../../../electron/demo/chart-conditions';
import { ensureDemoDoctors, seedCharts, type SeedChartsTotals } from '../../../electron/demo/seed-charts';
import { importDictionaryFile } from '../../../electron/services/dictionaries/import-file';
import type { Actor } from '../../../electron/store/actor';
import { enrolPatient, openTempDesk, type TempDesk } from '../../support/temp-desk';

/**
 * Small НСИ files the test writes: the demo conditions' МКБ-10 codes (a class, each category and
 * subcategory) and an ЕСКЛП export (passport + one part) with a tablet of each demo medicine.
 */
const files = mkdtempSync(join(tmpdir(), 'medcard-demo-nsi-'));

function writeIcd10(): string {
  const lines = ['ID;REC_CODE;MKB_CODE;MKB_NAME;ID_PARENT;ADDL_CODE;ACTUAL;DATE', '1;01;"X";"КЛАСС ДЛЯ ТЕСТА";;;1;'];
  let id = 2;
  for (const { icd10 } of demoConditions) {
    const category = icd10.split('.')[0]!;
    const parent = id++;
    lines.push(`${parent};"T${category}";"${category}";"Рубрика ${category}";1;;1;`);
    if (category !== icd10) lines.push(`${id++};"T${icd10}";"${icd10}";"Подрубрика ${icd10}";${parent};;1;`);
  }
  const path = join(files, 'icd10.csv');
  writeFileSync(path, lines.join('\r\n'));
  return path;
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

function writeMedicines(): string {
  const dir = join(files, 'esklp');
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
  mkdirSync(dir);
  writeFileSync(
    join(dir, `${oid}_1.0_passport.json`),
    JSON.stringify({ oid, version: '1.0', rowsCount: rows.length, fields: columns.map((field) => ({ field })) }),
  );
  writeFileSync(join(dir, `${oid}_1.0_part1.json`), JSON.stringify({ result: 'OK', total: rows.length, list: rows }));
  return dir;
}

const options = { seed: 41, today: '2026-11-25', maxEncounters: 6, years: 6, doctors: 3 };

async function seededDesk(): Promise<{
  desk: TempDesk;
  doctors: Actor[];
  totals: SeedChartsTotals;
  patientIds: string[];
}> {
  const desk = await openTempDesk();
  const admin = { ...desk.ctx, actor: { ...desk.ctx.actor, role: 'admin' as const } };
  importDictionaryFile(admin, 'icd10', icd10Path, { version: '1.0' });
  importDictionaryFile(admin, 'medicines', medicinesDir);
  const births = ['1948-02-11', '1963-07-30', '1979-12-02', '1991-05-19', '2012-09-09', '1955-01-25'];
  const patientIds: string[] = [];
  for (const [i, birthDate] of births.entries())
    patientIds.push(await enrolPatient(desk, { birthDate, sex: i % 2 ? 'male' : 'female', snils: null, phone: null }));
  const doctors = await ensureDemoDoctors(desk.ctx);
  const patients = patientIds.map((id, i) => ({
    id,
    birthDate: births[i]!,
    sex: i % 2 ? ('male' as const) : ('female' as const),
  }));
  const totals = seedCharts(desk.ctx, doctors, patients, chartCatalogue(desk.ctx), options);
  return { desk, doctors, totals, patientIds };
}

let icd10Path: string;
let medicinesDir: string;
let first: Awaited<ReturnType<typeof seededDesk>>;
beforeAll(async () => {
  icd10Path = writeIcd10();
  medicinesDir = writeMedicines();
  first = await seededDesk();
});
afterAll(async () => {
  await first?.desk.cleanup();
  rmSync(files, { recursive: true, force: true });
});

describe('seed-demo --charts writes believable histories through the chart services (issue 12, item 8)', () => {
  it('every write is accepted by the services, by the demo doctors, with its previous versions kept', () => {
    const { desk, doctors, totals } = first;
    expect(totals.refused).toEqual({});
    expect(totals.patients).toBe(6);
    expect(totals.entries).toBe(desk.count('chart_entries'));
    expect(desk.count('chart_entries', "kind = 'encounter'")).toBeGreaterThan(6);
    expect(totals.amendments).toBeGreaterThan(0);
    expect(desk.count('chart_revisions')).toBe(totals.amendments);
    const ids = doctors.map((doctor) => doctor.staffId);
    const writers = desk.store.read((tx) =>
      tx.all<{ doctor_id: string }>('SELECT DISTINCT doctor_id FROM chart_entries').map((row) => row.doctor_id),
    );
    for (const writer of writers) expect(ids).toContain(writer);
    // Each write is audited as the doctor's.
    const audited = desk.store.read((tx) =>
      tx.all<{ actor_id: string }>("SELECT DISTINCT actor_id FROM audit_events WHERE action LIKE 'chart.%'"),
    );
    expect(audited.map((row) => row.actor_id).every((id) => ids.includes(id))).toBe(true);
  });

  it('a demo doctor opens a history newest first, with coded diagnoses and prescriptions from the ЕСКЛП', async () => {
    const { desk, doctors, patientIds } = first;
    desk.ctx.actor = doctors[0]!;
    const answer = await desk.dispatch('chart.history', { patientId: patientIds[1] });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    const items = (answer.data as { items: { kind: string; occurredAt: string; code: string | null }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    const times = items.map((item) => item.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    const codes = new Set(demoConditions.map((condition) => condition.icd10));
    for (const item of items.filter((entry) => entry.kind === 'diagnosis')) expect(codes.has(item.code!)).toBe(true);
  });

  it('the same seed gives the same charts on another desk', async () => {
    const second = await seededDesk();
    try {
      const summaries = (desk: TempDesk) =>
        desk.store.read((tx) =>
          tx.all<{ kind: string; occurred_at: string; summary: string; status: string | null; revision: number }>(
            'SELECT kind, occurred_at, summary, status, revision FROM chart_entries ORDER BY occurred_at, kind, summary',
          ),
        );
      expect(second.totals).toEqual(first.totals);
      expect(summaries(second.desk)).toEqual(summaries(first.desk));
    } finally {
      await second.desk.cleanup();
    }
  });
});
