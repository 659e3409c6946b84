import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartCatalogue } from '../../../electron/demo/chart-catalogue';
import { demoConditions } from '../../../electron/demo/chart-conditions';
import { ensureDemoDoctors, seedCharts, type SeedChartsTotals } from '../../../electron/demo/seed-charts';
import { importDictionaryFile } from '../../../electron/services/dictionaries/import-file';
import type { Actor } from '../../../electron/store/actor';
import { enrolPatient, openTempDesk, type TempDesk } from '../../support/temp-desk';
import { writeDemoNsiFiles, type DemoNsiFiles } from './demo-nsi-files';

const files = mkdtempSync(join(tmpdir(), 'medcard-demo-nsi-'));

const options = { seed: 41, today: '2026-11-25', maxEncounters: 6, years: 6, doctors: 3 };

async function seededDesk(): Promise<{
  desk: TempDesk;
  doctors: Actor[];
  totals: SeedChartsTotals;
  patientIds: string[];
}> {
  const desk = await openTempDesk();
  const admin = { ...desk.ctx, actor: { ...desk.ctx.actor, role: 'admin' as const } };
  importDictionaryFile(admin, 'icd10', nsi.icd10);
  importDictionaryFile(admin, 'medicines', nsi.medicines);
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

let nsi: DemoNsiFiles;
let first: Awaited<ReturnType<typeof seededDesk>>;
beforeAll(async () => {
  nsi = writeDemoNsiFiles(files);
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
    // One of the patient's own doctors: the treating team reads the chart (F4).
    const author = desk.store.read((tx) =>
      tx.get<{ doctor_id: string }>(
        'SELECT doctor_id FROM chart_entries WHERE patient_id = ? AND doctor_id IS NOT NULL LIMIT 1',
        [patientIds[1]],
      ),
    );
    desk.ctx.actor = doctors.find((doctor) => doctor.staffId === author?.doctor_id) ?? doctors[0]!;
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
