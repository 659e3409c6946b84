import { describe, expect, it } from 'vitest';
import { chartDraftSchema, type ChartDraftInput } from '../../../shared/chart/drafts';
import { chartSummaryText } from '../../../shared/chart/summary';

const text = (draft: ChartDraftInput, names = {}) => chartSummaryText(chartDraftSchema.parse(draft), names);

describe('the history’s one line per entry (names.md)', () => {
  it('writes each kind as the timeline shows it', () => {
    expect(
      text({
        kind: 'encounter',
        body: {
          at: '2026-11-20T08:00:00Z',
          visitType: 'first',
          department: 'Терапия',
          conclusion: ' ОРВИ,\n лёгкое течение ',
        },
      }),
    ).toBe('Терапия: ОРВИ, лёгкое течение');
    expect(
      text(
        { kind: 'diagnosis', body: { icd10: 'J06.9', role: 'main', establishedOn: '2026-11-20' } },
        { codeName: 'Острая инфекция верхних дыхательных путей неуточненная' },
      ),
    ).toBe('J06.9 Острая инфекция верхних дыхательных путей неуточненная');
    expect(
      text({ kind: 'procedure', body: { serviceCode: 'A05.10.006', performedOn: '2026-11-20' } }, { codeName: 'ЭКГ' }),
    ).toBe('A05.10.006 ЭКГ');
    expect(
      text(
        {
          kind: 'prescription',
          body: { medicineCode: 'X', dose: 0.5, unit: 'g', timesPerDay: 3, route: 'oral', startOn: '2026-11-20' },
        },
        { inn: 'АМОКСИЦИЛЛИН' },
      ),
    ).toBe('АМОКСИЦИЛЛИН 0.5 г × 3/сут');
    expect(
      text({
        kind: 'allergy',
        body: {
          substance: 'Пенициллин',
          reaction: 'крапивница',
          severity: 'moderate',
          verification: 'confirmed',
          notedOn: '2020-01-01',
        },
      }),
    ).toBe('Аллергия: Пенициллин — крапивница');
    expect(
      text({ kind: 'lab_result', body: { test: 'Гемоглобин', value: 128, unit: 'г/л', takenOn: '2026-11-20' } }),
    ).toBe('Гемоглобин: 128 г/л');
    expect(
      text({ kind: 'lab_result', body: { test: 'ВИЧ', value: 'отрицательно', flag: 'normal', takenOn: '2026-11-20' } }),
    ).toBe('ВИЧ: отрицательно');
    expect(
      text({
        kind: 'document',
        body: {
          type: 'discharge',
          date: '2026-11-01',
          title: 'Выписка',
          scanId: '0b8f8f8e-1c1d-4c7a-9b7e-2f0e6f0a1b2c',
        },
      }),
    ).toBe('Выписка');
  });

  it('cuts an encounter’s conclusion at 200 characters and keeps the department alone when there is none', () => {
    const body = { at: '2026-11-20T08:00:00Z', visitType: 'repeat', department: 'Кардиология' } as const;
    expect(text({ kind: 'encounter', body: { ...body, conclusion: 'я'.repeat(5000) } })).toBe(
      `Кардиология: ${'я'.repeat(200)}`,
    );
    expect(text({ kind: 'encounter', body })).toBe('Кардиология');
  });

  it('falls back to the code when the dictionary gave no name', () => {
    expect(text({ kind: 'diagnosis', body: { icd10: 'I10', role: 'main', establishedOn: '2026-11-20' } })).toBe('I10');
  });
});
