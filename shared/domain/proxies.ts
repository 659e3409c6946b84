import { isCalendarDate } from './calendar-date';

/**
 * Trusted persons (доверенные лица, B9): who may act for a patient, on what basis, for which
 * sections of the record, and until when. Plain rules, shared by the desk and the server.
 */
export const proxyBases = ['parent_of_minor', 'guardian', 'power_of_attorney'] as const;
export type ProxyBasis = (typeof proxyBases)[number];

export const proxyRelationships = [
  'mother',
  'father',
  'spouse',
  'child',
  'sibling',
  'grandparent',
  'guardian',
  'other',
] as const;
export type ProxyRelationship = (typeof proxyRelationships)[number];

/** The sections of the medical record a proxy may be given (its scope). */
export const recordSections = [
  'personal',
  'appointments',
  'visits',
  'diagnoses',
  'results',
  'prescriptions',
  'documents',
] as const;
export type RecordSection = (typeof recordSections)[number];

/**
 * A legal representative acts for a patient under 15 in medical matters (323-ФЗ art. 54): from
 * the 15th birthday the patient decides alone, so a parent's proxy ends the day before.
 */
export const medicalAgeOfConsent = 15;

/** Why a proxy stops where it stops. */
export type ProxyEndReason = 'ends_on' | 'age_of_consent' | 'document_expiry';

export interface ProxyPeriod {
  basis: ProxyBasis;
  /** ISO day the proxy is in force from. */
  startsOn: string;
  /** ISO day the proxy is last in force (inclusive), as written; null: open-ended. */
  endsOn: string | null;
  /** A power of attorney's own expiry (last day in force); null for other bases. */
  documentExpiresOn: string | null;
}

export interface EffectiveEnd {
  /** The last day the proxy is in force (inclusive); null: until revoked. */
  lastDay: string | null;
  reason: ProxyEndReason | null;
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The first day the patient is `years` old, as `ageOn` counts it: the same month and day, and for
 * a 29 February birth in a common year 1 March (ageOn reads 28 February as not yet).
 */
export function birthdayAt(birthIso: string, years: number): string {
  const year = String(Number(birthIso.slice(0, 4)) + years).padStart(4, '0');
  const candidate = `${year}${birthIso.slice(4)}`;
  return isCalendarDate(candidate) ? candidate : `${year}-03-01`;
}

/** The day before the patient's 15th birthday: a parent's proxy is last in force then. */
export function lastDayBeforeAgeOfConsent(birthIso: string): string {
  return addDays(birthdayAt(birthIso, medicalAgeOfConsent), -1);
}

/**
 * The effective last day of a proxy: the earliest of its written end, a power of attorney's
 * expiry, and — for a parent of a minor — the day before the patient turns 15.
 */
export function proxyEffectiveEnd(proxy: ProxyPeriod, patientBirthDate: string): EffectiveEnd {
  const limits: { day: string; reason: ProxyEndReason }[] = [];
  if (proxy.endsOn !== null) limits.push({ day: proxy.endsOn, reason: 'ends_on' });
  if (proxy.basis === 'power_of_attorney' && proxy.documentExpiresOn !== null) {
    limits.push({ day: proxy.documentExpiresOn, reason: 'document_expiry' });
  }
  if (proxy.basis === 'parent_of_minor')
    limits.push({ day: lastDayBeforeAgeOfConsent(patientBirthDate), reason: 'age_of_consent' });
  let earliest: { day: string; reason: ProxyEndReason } | undefined;
  for (const limit of limits) if (!earliest || limit.day < earliest.day) earliest = limit;
  return earliest ? { lastDay: earliest.day, reason: earliest.reason } : { lastDay: null, reason: null };
}

export type ProxyStatus = 'pending' | 'active' | 'ended' | 'revoked';

/** Where a proxy stands on the ISO day `today`. */
export function proxyStatus(
  proxy: ProxyPeriod & { revokedAt: string | null },
  patientBirthDate: string,
  today: string,
): ProxyStatus {
  if (proxy.revokedAt !== null) return 'revoked';
  if (today < proxy.startsOn) return 'pending';
  const end = proxyEffectiveEnd(proxy, patientBirthDate).lastDay;
  return end !== null && today > end ? 'ended' : 'active';
}
