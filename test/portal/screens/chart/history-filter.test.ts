import { describe, expect, it } from 'vitest';
import { cabinetHistoryQuerySchema } from '../../../../shared/cabinet/chart-api';
import { emptyFilter, historyQuery } from '../../../../portal/api/chart-client';
import { filterFromSearch, isFiltered, searchFromFilter } from '../../../../portal/screens/chart/history-filter';

describe('the cabinet history filter (D1: the desk’s filters in the patient’s «Мои карты»)', () => {
  it('asks the server with a query its own schema accepts: lists comma-separated, the cursor, only what is set', () => {
    const query = historyQuery(
      {
        from: '2024-01-01',
        to: '2026-12-07',
        visitTypes: ['first', 'home'],
        kinds: ['diagnosis', 'lab_result'],
        diagnosis: ' J06 ',
        text: 'парацетамол  500',
      },
      { occurredAt: '2026-11-25T11:05:00.000Z', id: '0193a1b2-0000-7000-8000-000000000001' },
      30,
    );
    const parsed = cabinetHistoryQuerySchema.parse(Object.fromEntries(new URLSearchParams(query)));
    expect(parsed).toEqual({
      from: '2024-01-01',
      to: '2026-12-07',
      visitTypes: 'first,home',
      kinds: 'diagnosis,lab_result',
      diagnosis: 'J06',
      text: 'парацетамол  500',
      afterAt: '2026-11-25T11:05:00.000Z',
      afterId: '0193a1b2-0000-7000-8000-000000000001',
      limit: 30,
    });
    expect(historyQuery(emptyFilter, null, 30)).toBe('limit=30');
  });

  it('keeps the filter in the page address and reads it back, so going back from an entry finds the same list', () => {
    const filter = { ...emptyFilter, from: '2025-01-01', kinds: ['allergy' as const], text: 'пенициллин' };
    const search = searchFromFilter(filter);
    expect(filterFromSearch(new URLSearchParams(search.toString()))).toEqual(filter);
    expect(isFiltered(filter)).toBe(true);
    expect(isFiltered(emptyFilter)).toBe(false);
  });

  it('drops what an edited address holds that is not a filter’s word, never sending it', () => {
    const hostile = new URLSearchParams({
      from: '2025-13-99x',
      to: "'; DROP TABLE records; --",
      kinds: 'allergy,secret_notes,diagnosis',
      visitTypes: 'home,<script>',
      diagnosis: 'J06'.repeat(20),
      text: 'я'.repeat(500),
    });
    const filter = filterFromSearch(hostile);
    expect(filter).toMatchObject({ from: null, to: null, kinds: ['allergy', 'diagnosis'], visitTypes: ['home'] });
    expect(filter.diagnosis).toHaveLength(16);
    expect(filter.text).toHaveLength(100);
    expect(() =>
      cabinetHistoryQuerySchema.parse(Object.fromEntries(new URLSearchParams(historyQuery(filter, null, 30)))),
    ).not.toThrow();
  });
});
