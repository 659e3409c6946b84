import { compareNames, comparePatronymics, type NameMatch, type NameMatchKind } from './name-similarity';
import { searchFold } from './person-name';

/**
 * Duplicate candidates before enrolment (B2), as a pure scorer: the caller fetches candidates
 * (see `duplicateLookupKeys`) and shows the result; nothing here reads the database.
 *
 * - The same SNILS, ЕНП or INN is the same person: a hard stop, whatever the names say.
 * - Otherwise a candidate must share the birth date, and its surname and first name must each
 *   be the same, the same after folding (ё/е, case), a transliteration (Ivanov / Иванов), or a
 *   typo within the length's limit (Петрова / Петрлва); the patronymic may be missing on either
 *   side or abbreviated (П.), but two different patronymics mean two people.
 */
export interface PersonIdentity {
  surname: string;
  name: string;
  patronymic?: string | null;
  /** ISO `YYYY-MM-DD`. */
  birthDate: string;
  snils?: string | null;
  enp?: string | null;
  inn?: string | null;
}

export interface DuplicateCandidate extends PersonIdentity {
  id: string;
}

export type MatchedField = 'snils' | 'enp' | 'inn' | 'birthDate' | 'surname' | 'name' | 'patronymic';

export interface FieldMatch {
  field: MatchedField;
  kind: NameMatchKind;
  distance: number;
}

export interface DuplicateMatch {
  id: string;
  /** 0…1, for ordering: 1 for a hard stop or an exact match of everything. */
  score: number;
  /** The same SNILS, ЕНП or INN: enrolment must stop here (a merge, not a new card). */
  hardStop: boolean;
  /** The fields that match and how, identifiers first. */
  matches: FieldMatch[];
}

const identifiers = ['snils', 'enp', 'inn'] as const;
const weights = { birthDate: 0.25, surname: 0.3, name: 0.25, patronymic: 0.2 } as const;

function quality(match: NameMatch): number {
  switch (match.kind) {
    case 'equal':
    case 'folded':
      return 1;
    case 'transliterated':
      return 0.9;
    case 'typo':
      return Math.max(0.5, 1 - 0.15 * match.distance);
    case 'initial':
      return 0.7;
    case 'missing':
      return 0.6;
  }
}

const digits = (value: string | null | undefined): string => (value ?? '').replace(/\D/g, '');

/** One candidate against the draft, or null when it is not a possible duplicate. */
export function scoreDuplicate(draft: PersonIdentity, candidate: DuplicateCandidate): DuplicateMatch | null {
  const matches: FieldMatch[] = identifiers
    .filter((field) => digits(draft[field]) !== '' && digits(draft[field]) === digits(candidate[field]))
    .map((field) => ({ field, kind: 'equal', distance: 0 }));
  const hardStop = matches.length > 0;

  const names = {
    surname: compareNames(draft.surname, candidate.surname),
    name: compareNames(draft.name, candidate.name),
    patronymic: comparePatronymics(draft.patronymic, candidate.patronymic),
  };
  const sameBirthDate = draft.birthDate === candidate.birthDate;
  if (sameBirthDate) matches.push({ field: 'birthDate', kind: 'equal', distance: 0 });
  for (const field of ['surname', 'name', 'patronymic'] as const) {
    const match = names[field];
    if (match && !(field === 'patronymic' && match.kind === 'missing')) matches.push({ field, ...match });
  }
  if (hardStop) return { id: candidate.id, score: 1, hardStop, matches };
  if (!sameBirthDate || !names.surname || !names.name || !names.patronymic) return null;

  const score =
    weights.birthDate +
    weights.surname * quality(names.surname) +
    weights.name * quality(names.name) +
    weights.patronymic * quality(names.patronymic);
  return { id: candidate.id, score: Math.round(score * 100) / 100, hardStop, matches };
}

/** The possible duplicates among `candidates`, hard stops first, then by score. */
export function findDuplicates(draft: PersonIdentity, candidates: Iterable<DuplicateCandidate>): DuplicateMatch[] {
  const found: DuplicateMatch[] = [];
  for (const candidate of candidates) {
    const match = scoreDuplicate(draft, candidate);
    if (match) found.push(match);
  }
  return found.sort((a, b) => Number(b.hardStop) - Number(a.hardStop) || b.score - a.score || (a.id < b.id ? -1 : 1));
}

export interface DuplicateLookupKeys {
  /** Every name-based candidate shares it: `patients.birth_date = ?` (indexed). */
  birthDate: string;
  /** As stored in `patients.surname_fold` (lower case, ё → е): for ordering, not filtering. */
  surnameFold: string;
  /** Digits of each identifier given: `patients.snils/enp/inn = ?` (indexed). */
  snils: string | null;
  enp: string | null;
  inn: string | null;
}

/**
 * What a candidate lookup needs. The lookup should fetch the union of (a) patients born on
 * `birthDate` and (b) patients with any of the identifiers, and pass them all to
 * `findDuplicates`: a birth date holds about 30 patients in a million, few enough to score in
 * memory, and typos and transliterations cannot be found through an index on the surname (so
 * `surnameFold` must not narrow the query).
 */
export function duplicateLookupKeys(draft: PersonIdentity): DuplicateLookupKeys {
  const orNull = (value: string) => (value === '' ? null : value);
  return {
    birthDate: draft.birthDate,
    surnameFold: searchFold(draft.surname.trim()),
    snils: orNull(digits(draft.snils)),
    enp: orNull(digits(draft.enp)),
    inn: orNull(digits(draft.inn)),
  };
}
