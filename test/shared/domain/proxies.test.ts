import { describe, expect, it } from 'vitest';
import { ageOn, isCalendarDate } from '../../../shared/domain/calendar-date';
import {
  birthdayAt,
  lastDayBeforeAgeOfConsent,
  proxyEffectiveEnd,
  proxyStatus,
  type ProxyPeriod,
} from '../../../shared/domain/proxies';
import { proxyDraftSchema, type ProxyDraftInput } from '../../../shared/domain/proxy-draft';
import { seeded } from './identifiers/reference-identifiers';

const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const parent = (startsOn: string, endsOn: string | null = null): ProxyPeriod => ({
  basis: 'parent_of_minor',
  startsOn,
  endsOn,
  documentExpiresOn: null,
});

function randomDay(random: () => number, fromYear: number, years: number): string {
  const ms = Date.UTC(fromYear, 0, 1) + Math.floor(random() * years * 365.25) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

describe('a parent’s proxy ends when the patient turns 15 (B9, 323-ФЗ art. 54)', () => {
  it('ends on the eve of the 15th birthday, before a later written end', () => {
    expect(proxyEffectiveEnd(parent('2026-11-25', '2040-01-01'), '2016-03-10')).toEqual({
      lastDay: '2031-03-09',
      reason: 'age_of_consent',
    });
    expect(proxyEffectiveEnd(parent('2026-11-25', '2027-06-30'), '2016-03-10')).toEqual({
      lastDay: '2027-06-30',
      reason: 'ends_on',
    });
  });

  it('reads a 29 February birth as ageOn does: 15 on 1 March of a common year, on 29 February of a leap one', () => {
    expect(birthdayAt('2012-02-29', 15)).toBe('2027-03-01');
    expect(lastDayBeforeAgeOfConsent('2012-02-29')).toBe('2027-02-28');
    expect(birthdayAt('2013-02-28', 15)).toBe('2028-02-28');
    expect(birthdayAt('2004-02-29', 16)).toBe('2020-02-29');
    expect(lastDayBeforeAgeOfConsent('2010-01-01')).toBe('2024-12-31');
  });

  it('property: in force only while ageOn says under 15, and the next day the patient is 15', () => {
    const random = seeded(15);
    const births = Array.from({ length: 1500 }, () => randomDay(random, 1996, 30));
    // Every 29 February of the range, whatever the random draw gave.
    for (let year = 1996; year < 2026; year += 4) births.push(`${year}-02-29`);
    for (const birth of births) {
      const last = lastDayBeforeAgeOfConsent(birth);
      expect(isCalendarDate(last), birth).toBe(true);
      expect(ageOn(birth, last), birth).toBe(14);
      expect(ageOn(birth, dayAfter(last)), birth).toBe(15);
      const end = proxyEffectiveEnd(parent(birth), birth);
      expect(end).toEqual({ lastDay: last, reason: 'age_of_consent' });
      const someDay = randomDay(random, 1996, 50);
      const status = proxyStatus({ ...parent(birth), revokedAt: null }, birth, someDay);
      if (someDay < birth) expect(status).toBe('pending');
      else expect(status, `${birth} on ${someDay}`).toBe(ageOn(birth, someDay) < 15 ? 'active' : 'ended');
    }
  });

  it('other bases are not cut by age; a power of attorney stops at its expiry', () => {
    const guardian: ProxyPeriod = { basis: 'guardian', startsOn: '2026-01-01', endsOn: null, documentExpiresOn: null };
    expect(proxyEffectiveEnd(guardian, '2016-03-10')).toEqual({ lastDay: null, reason: null });
    const poa: ProxyPeriod = {
      basis: 'power_of_attorney',
      startsOn: '2026-01-01',
      endsOn: null,
      documentExpiresOn: '2027-01-01',
    };
    expect(proxyEffectiveEnd(poa, '1950-01-01')).toEqual({ lastDay: '2027-01-01', reason: 'document_expiry' });
    expect(proxyStatus({ ...poa, revokedAt: null }, '1950-01-01', '2027-01-02')).toBe('ended');
    expect(proxyStatus({ ...poa, revokedAt: '2026-06-01T10:00:00Z' }, '1950-01-01', '2026-05-01')).toBe('revoked');
  });
});

const base: ProxyDraftInput = {
  patientId: '0190a000-0000-7000-8000-000000000001',
  surname: 'Семёнова',
  name: 'Ольга',
  patronymic: 'Ивановна',
  birthDate: '1985-04-02',
  phone: '8 916 123-45-67',
  relationship: 'mother',
  basis: 'parent_of_minor',
  scope: ['visits', 'results'],
  startsOn: '2026-11-25',
};
const poa: ProxyDraftInput = {
  ...base,
  relationship: 'spouse',
  basis: 'power_of_attorney',
  documentNumber: '77 АБ 1234567',
  documentIssuedOn: '2026-10-01',
  documentExpiresOn: '2027-10-01',
  documentIssuer: 'Нотариус г. Москвы Иванова И. И.',
};

function issues(input: ProxyDraftInput): { field: string; code: unknown }[] {
  const result = proxyDraftSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    field: issue.path.join('.'),
    code: (issue as { params?: { code?: unknown } }).params?.code ?? issue.code,
  }));
}

describe('the trusted person form’s rules (B9)', () => {
  it('accepts a parent and a power of attorney, normalising names and the phone', () => {
    const parsed = proxyDraftSchema.parse({ ...base, surname: '  Семёнова ', name: 'Ольга' });
    expect(parsed).toMatchObject({
      surname: 'Семёнова',
      phone: '+79161234567',
      patronymic: 'Ивановна',
      endsOn: null,
      foreign: false,
    });
    expect(issues(poa)).toEqual([]);
  });

  it('refuses an empty or repeated scope', () => {
    expect(issues({ ...base, scope: [] })).toEqual([{ field: 'scope', code: 'proxy.scope.empty' }]);
    expect(issues({ ...base, scope: ['visits', 'visits'] })).toEqual([
      { field: 'scope', code: 'proxy.scope.repeated' },
    ]);
  });

  it('refuses an end before the start', () => {
    expect(issues({ ...base, endsOn: '2026-11-24' })).toEqual([
      { field: 'endsOn', code: 'proxy.period.end_before_start' },
    ]);
  });

  it('validates names like the patient’s: Cyrillic, Latin only for a foreign citizen', () => {
    expect(issues({ ...base, surname: 'Smith' })).toEqual([{ field: 'surname', code: 'patient.name.alphabet' }]);
    expect(issues({ ...base, surname: 'Smith', foreign: true })).toEqual([]);
    expect(issues({ ...base, name: '-Ольга' })).toEqual([{ field: 'name', code: 'patient.name.shape' }]);
  });

  it('gives the parent-of-a-minor basis to a mother or father only', () => {
    expect(issues({ ...base, relationship: 'grandparent' })).toEqual([
      { field: 'relationship', code: 'proxy.relationship.not_parent' },
    ]);
  });

  it('needs a power of attorney’s number, dates and issuer, and keeps the authority within them', () => {
    const bare = {
      ...poa,
      documentNumber: '',
      documentIssuedOn: null,
      documentExpiresOn: undefined,
      documentIssuer: ' ',
    };
    expect(issues(bare)).toEqual([
      { field: 'documentNumber', code: 'proxy.poa.required' },
      { field: 'documentIssuedOn', code: 'proxy.poa.required' },
      { field: 'documentExpiresOn', code: 'proxy.poa.required' },
      { field: 'documentIssuer', code: 'proxy.poa.required' },
    ]);
    expect(issues({ ...poa, documentExpiresOn: '2026-09-01' })).toContainEqual({
      field: 'documentExpiresOn',
      code: 'proxy.poa.expires_before_issue',
    });
    expect(issues({ ...poa, startsOn: '2026-09-30' })).toEqual([
      { field: 'startsOn', code: 'proxy.period.before_issue' },
    ]);
    expect(issues({ ...poa, endsOn: '2027-10-02' })).toEqual([{ field: 'endsOn', code: 'proxy.period.after_expiry' }]);
  });

  it('refuses malformed dates by their shape, without comparing them', () => {
    expect(issues({ ...base, startsOn: '25.11.2026', endsOn: '2026-01-01' })).toEqual([
      { field: 'startsOn', code: 'patient.birth_date.format' },
    ]);
    expect(issues({ ...base, birthDate: '1985-02-30' })).toEqual([
      { field: 'birthDate', code: 'patient.birth_date.invalid' },
    ]);
  });
});
