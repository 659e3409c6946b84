import type { Knex } from 'knex';
import type { Representation } from '../../../shared/cabinet/cabinet-api';
import type { RecordSection } from '../../../shared/domain/proxies';
import type { RecordMaterial } from '../../../shared/rights/record-requests';
import { HttpError } from '../../http/http-error';
import { representationOf } from '../identity/representation';
import type { CabinetSession } from '../session/cabinet-session-types';

/** Whose records a request is for: the account's own card, or a person it represents (B9). */
export interface RequestPerson {
  clinicId: string;
  accountId: string;
  patientId: string;
  /** The person's name when not the account's own card. */
  forPerson: string | null;
  /** The proxy's sections (every section for one's own card). */
  scope: readonly string[];
}

/** The sections of a proxy's scope that cover each material a request may ask for. */
const sectionsOf: Readonly<Record<Exclude<RecordMaterial, 'all'>, RecordSection>> = {
  encounters: 'visits',
  procedures: 'visits',
  diagnoses: 'diagnoses',
  allergies: 'diagnoses',
  observations: 'results',
  prescriptions: 'prescriptions',
  documents: 'documents',
};

/** The proxy sections a request for `materials` needs («all»: every one of them). */
export function sectionsNeeded(materials: readonly RecordMaterial[]): RecordSection[] {
  if (materials.includes('all')) return [...new Set(Object.values(sectionsOf))];
  const named = materials.filter((material): material is Exclude<RecordMaterial, 'all'> => material !== 'all');
  return [...new Set(named.map((material) => sectionsOf[material]))];
}

function nameOf(person: Representation['persons'][number]): string {
  return [person.surname, person.name, person.patronymic].filter(Boolean).join(' ');
}

/**
 * The people the account may act for today (server/cabinet/identity/representation.ts), looked
 * up for `patientId` (its own card when absent). Not one of them: 404 `records.request.person` —
 * the answer does not tell whether such a card exists.
 */
export async function requestPerson(
  db: Knex,
  session: CabinetSession,
  patientId: string | undefined,
  now: Date,
): Promise<RequestPerson> {
  const { persons } = await representationOf(db, session, now);
  const person =
    patientId === undefined ? persons.find((one) => one.self) : persons.find((one) => one.patientId === patientId);
  if (!person) {
    if (patientId === undefined) throw new HttpError(409, 'cabinet.identity.not_linked');
    throw new HttpError(404, 'records.request.person', { field: 'patientId' });
  }
  return {
    clinicId: session.clinicId,
    accountId: session.accountId,
    patientId: person.patientId,
    forPerson: person.self ? null : nameOf(person),
    scope: person.scope,
  };
}

/** A representative asks only for what their proxy covers (403 `records.request.scope`). */
export function assertInScope(person: RequestPerson, materials: readonly RecordMaterial[]): void {
  const missing = sectionsNeeded(materials).filter((section) => !person.scope.includes(section));
  if (missing.length > 0) throw new HttpError(403, 'records.request.scope', { field: 'materials' });
}
