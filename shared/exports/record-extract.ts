import type { ChartEntryKind, ChartEntrySource, VisitType } from '../chart/entry-kinds';
import type { RecordMaterial } from '../rights/record-requests';
import type { RestrictionReason } from '../rights/restrictions';

/**
 * One patient's record as an export sees it (issue 14, item 3): read once, in one read
 * transaction, then written out by each format's renderer. Restricted entries are not in it —
 * only how many were withheld and why (F4: the file must say so).
 */
export interface RecordExtract {
  patient: ExtractPatient;
  clinic: ExtractClinic;
  /** ISO instant the extract was made (the date of issue). */
  issuedAt: string;
  /** Who made it (staff display name and id), for the document's author. */
  issuedBy: { id: string; name: string };
  sections: readonly RecordMaterial[];
  from: string | null;
  to: string | null;
  /** Entries in the order the chart shows them: oldest first, each encounter's own entries after it. */
  entries: ExtractEntry[];
  withheld: WithheldNotice | null;
}

/**
 * The clinic as the desk's settings name it (`clinic.name`, `clinic.oid` — its ФРМО OID,
 * `clinic.address`); the desk keeps no clinic register of its own, so absent ones stay null.
 */
export interface ExtractClinic {
  name: string;
  oid: string | null;
  address: ClinicAddress | null;
}

/** The clinic's address as the СЭМД's custodian must give it. */
export interface ClinicAddress {
  line: string;
  /** НСИ 1.2.643.5.1.13.13.99.2.206 (субъекты РФ): e.g. `77` г. Москва. */
  regionCode: string;
  regionName: string;
  postalCode: string | null;
}

export interface ExtractPatient {
  id: string;
  surname: string;
  name: string;
  patronymic: string | null;
  birthDate: string;
  sex: 'male' | 'female';
  snils: string | null;
  enp: string | null;
  passport: { series: string | null; number: string; issuer: string | null; issueDate: string | null } | null;
}

export interface ExtractEntry {
  id: string;
  kind: ChartEntryKind;
  occurredAt: string;
  visitType: VisitType | null;
  doctor: { id: string; name: string } | null;
  code: string | null;
  summary: string;
  status: string | null;
  encounterId: string | null;
  source: ChartEntrySource;
  body: Record<string, unknown>;
}

/** What was left out and why: the count, and each reason with its basis document. */
export interface WithheldNotice {
  count: number;
  /** The whole chart is restricted (nothing of the record is in the file). */
  wholeChart: boolean;
  reasons: { reason: RestrictionReason; basis: string; decidedAt: string }[];
}

/** The chart entry kinds of each section a patient may ask for. */
export const materialKinds: Record<Exclude<RecordMaterial, 'all'>, ChartEntryKind> = {
  encounters: 'encounter',
  diagnoses: 'diagnosis',
  procedures: 'procedure',
  prescriptions: 'prescription',
  allergies: 'allergy',
  observations: 'lab_result',
  documents: 'document',
};

/** The kinds the chosen sections cover (`all`, or none given: every kind). */
export function kindsOfSections(sections: readonly RecordMaterial[] | undefined): ChartEntryKind[] {
  if (!sections || sections.length === 0 || sections.includes('all')) return Object.values(materialKinds);
  return [...new Set(sections.map((section) => materialKinds[section as Exclude<RecordMaterial, 'all'>]))];
}
