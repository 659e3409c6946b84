import { describe, expect, it } from 'vitest';
import { consentState, type ConsentRecord } from '../../../shared/domain/consent';
import { seeded } from './identifiers/reference-identifiers';

const patientId = '0190a000-0000-7000-8000-000000000001';
const accepted = (acceptedAt: string, withdrawnAt: string | null = null, textVersion = '1'): ConsentRecord => ({
  patientId,
  textVersion,
  acceptedAt,
  withdrawnAt,
});

describe('consent state (B8): may the patient’s data go online?', () => {
  it('says none when no consent was ever accepted, or only later than the instant asked', () => {
    expect(consentState([], '2026-11-25T09:00:00Z')).toEqual({ valid: false, current: null, reason: 'none' });
    expect(consentState([accepted('2026-11-26T09:00:00Z')], '2026-11-25T09:00:00Z')).toMatchObject({
      valid: false,
      reason: 'none',
    });
  });

  it('is valid from the acceptance until a withdrawal, and withdrawn from then on', () => {
    const consent = accepted('2026-11-20T09:00:00Z', '2026-11-24T12:00:00Z');
    expect(consentState([consent], '2026-11-20T09:00:00Z')).toEqual({ valid: true, current: consent, reason: 'valid' });
    expect(consentState([consent], '2026-11-24T11:59:59Z')).toMatchObject({ valid: true, reason: 'valid' });
    expect(consentState([consent], '2026-11-24T12:00:00Z')).toEqual({
      valid: false,
      current: consent,
      reason: 'withdrawn',
    });
  });

  it('takes the latest acceptance: a new consent after a withdrawal is in force, the old one stays in the history', () => {
    const old = accepted('2026-01-10T09:00:00Z', '2026-05-01T09:00:00Z');
    const renewed = accepted('2026-06-01T09:00:00Z', null, '2');
    expect(consentState([renewed, old], '2026-11-25T09:00:00Z')).toEqual({
      valid: true,
      current: renewed,
      reason: 'valid',
    });
    expect(consentState([old, renewed], '2026-05-15T09:00:00Z')).toEqual({
      valid: false,
      current: old,
      reason: 'withdrawn',
    });
  });

  it('treats a withdrawal of the latest consent as the patient’s word, whatever older rows say', () => {
    const older = accepted('2026-01-10T09:00:00Z');
    const latest = accepted('2026-06-01T09:00:00Z', '2026-07-01T09:00:00Z', '2');
    expect(consentState([older, latest], '2026-11-25T09:00:00Z')).toMatchObject({
      valid: false,
      reason: 'withdrawn',
      current: latest,
    });
  });

  it('prefers the consent still in force among acceptances of the same instant, in any order', () => {
    const withdrawn = accepted('2026-11-25T09:00:00Z', '2026-11-25T09:00:00Z');
    const renewed = accepted('2026-11-25T09:00:00Z');
    expect(consentState([withdrawn, renewed], '2026-11-25T09:00:00Z')).toMatchObject({ valid: true, current: renewed });
    expect(consentState([renewed, withdrawn], '2026-11-25T09:00:00Z')).toMatchObject({ valid: true, current: renewed });
  });

  it('compares instants, not strings: offsets and fractions of a second', () => {
    const consent = accepted('2026-11-25T12:00:00+03:00');
    expect(consentState([consent], '2026-11-25T09:00:00.000Z').valid).toBe(true);
    expect(consentState([consent], '2026-11-25T08:59:59.999Z').valid).toBe(false);
    expect(() => consentState([consent], 'вчера')).toThrow(RangeError);
  });

  it('property: valid exactly when the latest acceptance up to the instant is not withdrawn by then, in any row order', () => {
    const random = seeded(152);
    const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString();
    for (let round = 0; round < 2000; round++) {
      // A desk's history: acceptances in time order, each withdrawn (or not) before the next.
      const rows: ConsentRecord[] = [];
      let clock = 0;
      for (let i = Math.floor(random() * 4); i > 0; i--) {
        clock += 1 + Math.floor(random() * 100);
        const acceptedAt = clock;
        const withdrawn = random() < 0.5;
        if (withdrawn) clock += 1 + Math.floor(random() * 100);
        rows.push(accepted(at(acceptedAt), withdrawn ? at(clock) : null));
      }
      const asked = Math.floor(random() * (clock + 50));
      const shuffled = [...rows].sort(() => random() - 0.5);
      const latest = rows.filter((row) => Date.parse(row.acceptedAt) <= Date.parse(at(asked))).at(-1);
      const expected =
        latest !== undefined && (latest.withdrawnAt === null || Date.parse(latest.withdrawnAt) > Date.parse(at(asked)));
      const state = consentState(shuffled, at(asked));
      expect(state.valid).toBe(expected);
      expect(state.current).toBe(latest ?? null);
      expect(state.reason).toBe(latest === undefined ? 'none' : expected ? 'valid' : 'withdrawn');
    }
  });
});
