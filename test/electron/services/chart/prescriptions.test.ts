import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  chartCall as call,
  drafts,
  openChartDesk,
  testMedicines,
  type ChartDesk,
} from '../../../support/chart-fixtures';

let desk: ChartDesk;
beforeEach(async () => {
  desk = await openChartDesk();
});
afterEach(() => desk.cleanup());

const record = (draft: unknown, overrides: unknown[] = []) =>
  call(desk, 'chart.record', { patientId: desk.patientId, draft, overrides });
const check = (body: Record<string, unknown>, selfId: string | null = null) =>
  call(desk, 'chart.checkPrescription', {
    patientId: desk.patientId,
    draft: drafts.prescription(body).body,
    selfId,
  });
const written = () => [desk.count('chart_entries'), desk.count('sync_outbox'), desk.count('audit_events')];

async function refused(
  draft: unknown,
  code: string,
  field: string,
  mentions: string[] = [],
  overrides: unknown[] = [],
) {
  const before = written();
  const result = await record(draft, overrides);
  expect(result).toMatchObject({ ok: false, error: { code, field } });
  for (const value of mentions) expect(result.error!.message.ru).toContain(value);
  expect(written(), 'nothing half-saved').toEqual(before);
}

describe('prescribing against the formulary (D3)', () => {
  it('records a dose within the formulary with its summary and code', async () => {
    const result = await record(drafts.prescription());
    expect(result.data!.entry).toMatchObject({
      kind: 'prescription',
      code: testMedicines.paracetamol,
      summary: 'Парацетамол 500 мг × 3/сут',
      status: 'active',
      occurredAt: '2026-11-20T00:00:00.000Z',
      overrides: [],
    });
  });

  it('refuses a single dose above the maximum, naming the measured and allowed values', async () => {
    await refused(
      drafts.prescription({ dose: 1.5, unit: 'g', timesPerDay: 1 }),
      'chart.prescription.single_dose_above_max',
      'draft.body.dose',
      ['1500', '1000', 'Парацетамол'],
    );
  });

  it('refuses a daily total above the maximum', async () => {
    await refused(
      drafts.prescription({ dose: 1000, timesPerDay: 6 }),
      'chart.prescription.daily_dose_above_max',
      'draft.body.dose',
      ['6000', '4000'],
    );
  });

  it('refuses a unit that does not convert, and a stop day before the start', async () => {
    await refused(drafts.prescription({ unit: 'ml' }), 'chart.prescription.unit_mismatch', 'draft.body.unit', [
      'мл',
      'мг',
    ]);
    await refused(
      drafts.prescription({ stopOn: '2026-11-19' }),
      'chart.prescription.dates_order',
      'draft.body.stopOn',
      ['2026-11-19', '2026-11-20'],
    );
  });

  it('refuses a medicine not in the ЕСКЛП, and a start in the future', async () => {
    await refused(
      drafts.prescription({ medicineCode: 'NO-SUCH' }),
      'chart.medicine.unknown',
      'draft.body.medicineCode',
    );
    await refused(drafts.prescription({ startOn: '2026-11-26' }), 'chart.date.future', 'draft.body.startOn');
  });

  it('an error cannot be overridden: refused even with a reason', async () => {
    await refused(
      drafts.prescription({ dose: 5000 }),
      'chart.prescription.single_dose_above_max',
      'draft.body.dose',
      [],
      [{ code: 'chart.prescription.single_dose_above_max', reason: 'Врач так решил' }],
    );
  });

  it('a medicine outside the formulary needs a reason, which is kept with who and when', async () => {
    const draft = drafts.prescription({ medicineCode: testMedicines.cefalexin, dose: 250 });
    await refused(draft, 'chart.alert.override_required', 'overrides', ['chart.prescription.not_in_formulary']);
    const reason = 'Нет альтернативы в формуляре';
    const result = await record(draft, [{ code: 'chart.prescription.not_in_formulary', reason }]);
    expect(result.ok, JSON.stringify(result.error)).toBe(true);
    expect(result.data!.entry.overrides).toEqual([
      { code: 'chart.prescription.not_in_formulary', reason, at: desk.now, by: desk.ctx.actor.staffId },
    ]);
    const event = desk.store.read((tx) =>
      tx.get<{ details: string }>(
        "SELECT details FROM audit_events WHERE action = 'chart.record' ORDER BY seq DESC LIMIT 1",
      ),
    );
    expect(JSON.parse(event!.details)).toMatchObject({
      overrides: [{ code: 'chart.prescription.not_in_formulary', reason }],
    });
  });
});

describe('conflict alerts while prescribing (D5)', () => {
  it('an allergy recorded from ampicillin warns of amoxicillin as the same АТХ class', async () => {
    const allergy = await record(drafts.allergy());
    const result = await check({ medicineCode: testMedicines.amoxicillin, dose: 500 });
    expect(result.data!.problems).toEqual([
      {
        code: 'chart.alert.allergy_class',
        severity: 'warning',
        field: 'medicineCode',
        params: { substance: 'Ампициллин', inn: 'Амоксициллин', atc: 'J01CA' },
        entryId: allergy.data!.entry.id,
      },
    ]);
    const draft = drafts.prescription({ medicineCode: testMedicines.amoxicillin, dose: 500 });
    await refused(draft, 'chart.alert.override_required', 'overrides', ['chart.alert.allergy_class']);
    const overridden = await record(draft, [
      { code: 'chart.alert.allergy_class', reason: 'Переносил амоксициллин ранее' },
    ]);
    expect(overridden.ok).toBe(true);
  });

  it('an exact substance match warns as exact, whatever was taken before', async () => {
    await record(drafts.allergy({ substance: 'Парацетамол', medicineCode: testMedicines.paracetamol }));
    const result = await check({});
    expect(result.data!.problems.map((problem) => problem.code)).toEqual(['chart.alert.allergy_exact']);
  });

  it('an allergy typed by hand as the МНН itself is an exact match too', async () => {
    await record(drafts.allergy({ substance: 'парацетамол', medicineCode: null }));
    expect((await check({})).data!.problems.map((problem) => problem.code)).toEqual(['chart.alert.allergy_exact']);
  });

  it('stays quiet on a class match when the patient took the drug before without a reaction (alert fatigue)', async () => {
    await record(drafts.allergy({ substance: 'Пенициллины', medicineCode: null, atcClass: 'J01C' }));
    const earlier = drafts.prescription({
      medicineCode: testMedicines.amoxicillin,
      startOn: '2025-02-01',
      stopOn: '2025-02-07',
      status: 'completed',
    });
    // Before it was taken, the class alert stands.
    expect((await check({ medicineCode: testMedicines.amoxicillin })).data!.problems.map((p) => p.code)).toEqual([
      'chart.alert.allergy_class',
    ]);
    expect((await record(earlier, [{ code: 'chart.alert.allergy_class', reason: 'Проба переносимости' }])).ok).toBe(
      true,
    );
    expect((await check({ medicineCode: testMedicines.amoxicillin })).data!.problems).toEqual([]);
    // …but not for another drug of the class, never taken.
    expect(
      (await check({ medicineCode: testMedicines.ampicillin, dose: 250 })).data!.problems.map((p) => p.code),
    ).toEqual(['chart.alert.allergy_class']);
  });

  it('warns of the same medicine already active, but not of the prescription being amended', async () => {
    const first = await record(drafts.prescription());
    const result = await check({ dose: 250 });
    expect(result.data!.problems).toEqual([
      expect.objectContaining({ code: 'chart.alert.duplicate_prescription', entryId: first.data!.entry.id }),
    ]);
    expect(result.data!.problems[0]!.params).toMatchObject({ startOn: '2026-11-20' });
    expect((await check({ dose: 250 }, first.data!.entry.id)).data!.problems).toEqual([]);
    const amended = await call(desk, 'chart.amend', {
      id: first.data!.entry.id,
      baseRevision: 1,
      draft: drafts.prescription({ dose: 250 }),
      reason: 'Снижение дозы',
    });
    expect(amended.ok, JSON.stringify(amended.error)).toBe(true);
  });

  it('the check as the doctor types writes nothing and is not audited', async () => {
    const before = written();
    expect((await check({ dose: 5000 })).data!.problems.map((p) => p.code)).toEqual([
      'chart.prescription.single_dose_above_max',
      'chart.prescription.daily_dose_above_max',
    ]);
    expect(written()).toEqual(before);
  });
});

describe('no formulary imported', () => {
  it('checks no doses and warns of nothing about the formulary', async () => {
    const bare = await openChartDesk({ dictionaries: { formulary: false } });
    try {
      const result = await call(bare, 'chart.record', {
        patientId: bare.patientId,
        draft: drafts.prescription({ dose: 5000 }),
      });
      expect(result.ok, JSON.stringify(result.error)).toBe(true);
    } finally {
      await bare.cleanup();
    }
  });
});
