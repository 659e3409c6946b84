import type { Knex } from 'knex';
import type { Representation } from '../../../shared/cabinet/cabinet-api';
import { ageOn, isoDay } from '../../../shared/domain/calendar-date';
import { searchFold } from '../../../shared/domain/person-name';
import {
  medicalAgeOfConsent,
  proxyBases,
  proxyEffectiveEnd,
  proxyStatus,
  recordSections,
  type ProxyBasis,
} from '../../../shared/domain/proxies';
import { toRecord } from '../../db/values';
import { HttpError } from '../../http/http-error';
import type { CabinetSession } from '../session/cabinet-session-types';

type Person = Representation['persons'][number];
type Data = Record<string, unknown>;

/** Bases on which one is a legal representative (323-ФЗ art. 54): only they act for a child under 15. */
const legalRepresentation: ReadonlySet<ProxyBasis> = new Set(['parent_of_minor', 'guardian']);

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const sameName = (a: unknown, b: unknown) => searchFold(str(a) ?? '') === searchFold(str(b) ?? '');
const basisOf = (value: unknown): ProxyBasis | undefined => proxyBases.find((basis) => basis === value);

/** A proxy's scope: a JSON array of record sections (text on the wire, parsed by some drivers). */
function scopeOf(value: unknown): string[] {
  let list: unknown = value;
  if (typeof value === 'string') {
    try {
      list = JSON.parse(value);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(list)) return [];
  return recordSections.filter((section) => list.includes(section));
}

interface AccountPerson {
  surname: string;
  name: string;
  patronymic: string | null;
  birth_date: string;
  phone: string;
  phone_confirmed_at: Date | string | null;
  patient_id: string | null;
}

async function livePatients(db: Knex, clinicId: string, ids: string[]): Promise<Map<string, Data>> {
  if (ids.length === 0) return new Map();
  const rows = await db('records')
    .where({ table_name: 'patients', clinic_id: clinicId })
    .whereIn('id', ids)
    .whereRaw("coalesce(data->>'deleted_at', '') = ''")
    .whereRaw("coalesce(data->>'merged_into', '') = ''")
    .select<{ id: string; data: unknown }[]>('id', 'data');
  return new Map(rows.map((row) => [row.id, toRecord(row.data)]));
}

function personOf(
  patientId: string,
  card: Data,
  today: string,
  rest: Pick<Person, 'self' | 'scope' | 'until'>,
): Person {
  const birthDate = str(card.birth_date) ?? '';
  return {
    patientId,
    surname: str(card.surname) ?? '',
    name: str(card.name) ?? '',
    patronymic: str(card.patronymic),
    birthDate,
    underFifteen: birthDate !== '' && ageOn(birthDate, today) < medicalAgeOfConsent,
    ...rest,
  };
}

/**
 * The people the account may act for (B9): its own card, and every patient of the clinic with a
 * proxy in force today (not revoked, started, not ended — by its end date, a power of attorney's
 * expiry, or the child's 15th birthday for a parent) naming the account's person: surname, name,
 * patronymic (case and ё aside), birth date and the account's confirmed phone. A patient under 15
 * is listed only for a legal representative (parent, guardian). Several proxies for one patient
 * add up: the union of their sections, until the latest end.
 */
export async function representationOf(db: Knex, session: CabinetSession, now: Date): Promise<Representation> {
  const account = (await db('cabinet_accounts')
    .where({ id: session.accountId, clinic_id: session.clinicId })
    .first('surname', 'name', 'patronymic', 'birth_date', 'phone', 'phone_confirmed_at', 'patient_id')) as
    AccountPerson | undefined;
  if (!account) throw new HttpError(401, 'cabinet.session.none');
  const today = isoDay(now);
  const persons: Person[] = [];
  const own = account.patient_id;
  if (own !== null) {
    const card = (await livePatients(db, session.clinicId, [own])).get(own);
    if (card) persons.push(personOf(own, card, today, { self: true, scope: [...recordSections], until: null }));
  }
  // The phone names the person only once they proved they hold it.
  if (account.phone_confirmed_at === null) return { persons };

  const proxies = (
    await db('records')
      .where({ table_name: 'proxies', clinic_id: session.clinicId })
      .whereRaw("data->>'phone' = ?", [account.phone])
      .whereRaw("data->>'birth_date' = ?", [account.birth_date])
      .whereRaw("coalesce(data->>'revoked_at', '') = ''")
      .select<{ data: unknown }[]>('data')
  )
    .map((row) => toRecord(row.data))
    .filter(
      (proxy) =>
        sameName(proxy.surname, account.surname) &&
        sameName(proxy.name, account.name) &&
        sameName(proxy.patronymic, account.patronymic) &&
        str(proxy.patient_id) !== own,
    );
  const cards = await livePatients(db, session.clinicId, [
    ...new Set(proxies.map((proxy) => str(proxy.patient_id)).filter((id): id is string => id !== null)),
  ]);
  const byPatient = new Map<string, Person>();
  for (const proxy of proxies) {
    const patientId = str(proxy.patient_id);
    const card = patientId === null ? undefined : cards.get(patientId);
    const basis = basisOf(proxy.basis);
    const startsOn = str(proxy.starts_on);
    const birthDate = str(card?.birth_date);
    if (!patientId || !card || !basis || !startsOn || !birthDate) continue;
    const period = {
      basis,
      startsOn,
      endsOn: str(proxy.ends_on),
      documentExpiresOn: str(proxy.document_expires_on),
    };
    if (proxyStatus({ ...period, revokedAt: null }, birthDate, today) !== 'active') continue;
    const person = personOf(patientId, card, today, {
      self: false,
      scope: scopeOf(proxy.scope),
      until: proxyEffectiveEnd(period, birthDate).lastDay,
    });
    if (person.underFifteen && !legalRepresentation.has(basis)) continue;
    const earlier = byPatient.get(patientId);
    if (earlier) {
      person.scope = recordSections.filter(
        (section) => earlier.scope.includes(section) || person.scope.includes(section),
      );
      person.until = earlier.until === null || person.until === null ? null : [earlier.until, person.until].sort()[1]!;
    }
    byPatient.set(patientId, person);
  }
  persons.push(...[...byPatient.values()].sort((a, b) => a.surname.localeCompare(b.surname, 'ru')));
  return { persons };
}
