import { describe, expect, it } from 'vitest';
import { exceptionProblem, patternProblem, scheduleError } from '../../../shared/appointments/schedule-rules';
import { localize } from '../../../shared/errors/catalog';
import { exception, pattern } from './schedule-fixtures';

describe('a schedule draft against its own rules and the specialist’s other patterns', () => {
  it('accepts hours with a break inside them', () => {
    expect(patternProblem(pattern(), [])).toBeNull();
    expect(patternProblem(pattern({ breaks: [] }), [])).toBeNull();
  });

  it('refuses hours that end before they start', () => {
    expect(patternProblem(pattern({ starts: '18:00', ends: '09:00' }), [])).toEqual({
      code: 'schedules.pattern.hours',
      field: 'ends',
      params: { starts: '18:00', ends: '09:00' },
    });
    expect(patternProblem(pattern({ starts: '09:00', ends: '09:00' }), [])).toMatchObject({
      code: 'schedules.pattern.hours',
    });
  });

  it('refuses a validity that ends before it starts', () => {
    expect(patternProblem(pattern({ validFrom: '2026-12-10', validTo: '2026-12-01' }), [])).toEqual({
      code: 'schedules.exception.range',
      field: 'validTo',
      params: { fromDate: '10.12.2026', toDate: '01.12.2026' },
    });
  });

  it('refuses a break outside the hours, inside out, or overlapping another', () => {
    for (const breaks of [
      [{ starts: '08:30', ends: '09:30' }],
      [{ starts: '17:30', ends: '18:30' }],
      [{ starts: '14:00', ends: '13:00' }],
      [
        { starts: '11:00', ends: '11:30' },
        { starts: '11:15', ends: '11:45' },
      ],
    ]) {
      expect(patternProblem(pattern({ breaks }), [])).toMatchObject({
        code: 'schedules.pattern.break',
        field: 'breaks',
      });
    }
    expect(
      patternProblem(
        pattern({
          breaks: [
            { starts: '11:00', ends: '11:30' },
            { starts: '11:30', ends: '12:00' },
          ],
        }),
        [],
      ),
    ).toBeNull();
  });

  it('refuses hours overlapping another pattern of the weekday while both are valid', () => {
    const morning = pattern({ id: 'morning', starts: '08:00', ends: '12:00', breaks: [] });
    const problem = patternProblem(pattern({ id: 'day', starts: '11:00', ends: '15:00', breaks: [] }), [morning]);
    expect(problem).toEqual({
      code: 'schedules.pattern.overlap',
      field: 'starts',
      params: { weekday: 'пн', hours: '08:00–12:00' },
    });
    expect(localize(problem!.code, problem!.params).ru).toBe(
      'У специалиста уже есть часы в пн (08:00–12:00), пересекающиеся с этими',
    );
    const afternoon = pattern({ id: 'pm', starts: '12:00', ends: '16:00', breaks: [] });
    expect(patternProblem(afternoon, [morning])).toBeNull(); // touching
    expect(patternProblem({ ...afternoon, starts: '11:00', weekday: 2 }, [morning])).toBeNull(); // another weekday
    expect(patternProblem({ ...afternoon, starts: '11:00', specialistId: 'sp-2' }, [morning])).toBeNull();
    const ended = { ...morning, validTo: '2026-11-30' };
    expect(patternProblem({ ...afternoon, starts: '11:00', validFrom: '2026-12-01' }, [ended])).toBeNull();
    // Editing a pattern is not a clash with its earlier self.
    expect(patternProblem({ ...morning, ends: '13:00' }, [morning])).toBeNull();
  });

  it('refuses an exception whose dates are reversed, or one-off hours without both ends', () => {
    expect(exceptionProblem(exception({ fromDate: '2026-12-14', toDate: '2026-12-10' }))).toEqual({
      code: 'schedules.exception.range',
      field: 'toDate',
      params: { fromDate: '14.12.2026', toDate: '10.12.2026' },
    });
    expect(exceptionProblem(exception({ kind: 'hours', starts: '10:00' }))).toMatchObject({
      code: 'schedules.exception.hours',
      field: 'ends',
    });
    expect(exceptionProblem(exception({ kind: 'hours', starts: '12:00', ends: '10:00' }))).toMatchObject({
      code: 'schedules.pattern.hours',
    });
    expect(exceptionProblem(exception({ kind: 'hours', starts: '10:00', ends: '12:00' }))).toBeNull();
    expect(exceptionProblem(exception({ kind: 'leave', fromDate: '2026-12-14', toDate: '2026-12-28' }))).toBeNull();
  });

  it('turns a problem into the error a service throws', () => {
    const error = scheduleError({ code: 'schedules.exception.hours', field: 'starts', params: {} });
    expect(error.code).toBe('schedules.exception.hours');
    expect(error.field).toBe('starts');
  });
});
