import { describe, expect, it } from 'vitest';
import { chartDraftSchema } from '../../../shared/chart/drafts';
import { emptyValues, formFieldOf, toDraft, valuesFromBody } from '../../../renderer/screens/chart/forms/entry-models';
import { parseMoscowDateTime } from '../../../renderer/screens/chart/forms/entry-values';

/** The chart forms' model: what the doctor types becomes the draft the shared schema judges (D2, D4). */
describe('chart entry forms', () => {
  const now = new Date('2026-11-25T09:00:00Z');

  it('reads a visit typed in Moscow time as the UTC instant the chart stores', () => {
    expect(parseMoscowDateTime('25.11.2026 12:00')).toBe('2026-11-25T09:00:00.000Z');
    expect(parseMoscowDateTime('25.11.2026 25:00')).toBeNull();
    expect(parseMoscowDateTime('2026-11-25 12:00')).toBeNull();
  });

  it('starts a new encounter now, Moscow time, as a first visit', () => {
    expect(emptyValues('encounter', now)).toMatchObject({ at: '25.11.2026 12:00', visitType: 'first' });
  });

  it('turns a typed prescription (decimal comma, ДД.ММ.ГГГГ) into a draft the shared schema accepts', () => {
    const values = { ...emptyValues('prescription', now), medicineCode: 'X-1', dose: '1,5', durationDays: '5' };
    const draft = chartDraftSchema.parse(toDraft('prescription', values));
    expect(draft).toMatchObject({
      kind: 'prescription',
      body: { dose: 1.5, unit: 'mg', timesPerDay: 1, durationDays: 5, startOn: '2026-11-25', stopOn: null },
    });
  });

  it('sends what does not convert as typed, so the schema names the box and the rule', () => {
    const values = { ...emptyValues('prescription', now), medicineCode: 'X-1', dose: 'много', startOn: '31.02' };
    const parsed = chartDraftSchema.safeParse(toDraft('prescription', values));
    expect(parsed.success).toBe(false);
    const fields = parsed.error?.issues.map((issue) => formFieldOf('prescription', issue.path.join('.')));
    expect(fields).toEqual(expect.arrayContaining(['dose', 'startOn']));
  });

  it('leaves an empty required box out, so it is refused as missing', () => {
    const values = emptyValues('lab_result', now);
    const parsed = chartDraftSchema.safeParse(toDraft('lab_result', values));
    expect(parsed.success).toBe(false);
    expect(toDraft('lab_result', values).body).not.toHaveProperty('value');
  });

  it('opens an amendment with the entry as written, and saves the same body back', () => {
    const body = chartDraftSchema.parse({
      kind: 'lab_result',
      body: {
        test: 'Гемоглобин',
        value: 128.5,
        unit: 'г/л',
        referenceLow: 120,
        referenceHigh: 140,
        takenOn: '2026-11-19',
      },
    }).body;
    const values = valuesFromBody('lab_result', body);
    expect(values).toMatchObject({ value: '128,5', takenOn: '19.11.2026', referenceLow: '120' });
    expect(chartDraftSchema.parse(toDraft('lab_result', values)).body).toEqual(body);
  });

  it('puts a refusal under its box whether the desk names it draft.body.dose or dose', () => {
    expect(formFieldOf('prescription', 'draft.body.dose')).toBe('dose');
    expect(formFieldOf('prescription', 'stopOn')).toBe('stopOn');
    expect(formFieldOf('prescription', 'patientId')).toBeUndefined();
  });
});
