import type { ChartEntryKind } from '../../../../shared/chart/entry-kinds';
import type { ChartDraftInput } from '../../../../shared/chart/drafts';
import { formatDateTime } from '../../../format/date-time';
import { toBodyValue, toFormText, type ValueType } from './entry-values';

/**
 * Each kind's form: its boxes in the order of the paper form, each with how its text becomes the
 * body field (shared/chart/drafts.ts), and what a new entry starts with.
 */
const specs = {
  encounter: {
    at: 'instant',
    visitType: 'text',
    department: 'text',
    complaints: 'text',
    history: 'text',
    examination: 'text',
    conclusion: 'text',
  },
  diagnosis: {
    icd10: 'text',
    role: 'text',
    status: 'text',
    establishedOn: 'day',
    resolvedOn: 'optionalDay',
    comment: 'text',
  },
  procedure: { serviceCode: 'text', performedOn: 'day', comment: 'text' },
  prescription: {
    medicineCode: 'text',
    dose: 'number',
    unit: 'text',
    timesPerDay: 'int',
    route: 'text',
    durationDays: 'optionalInt',
    startOn: 'day',
    stopOn: 'optionalDay',
    status: 'text',
    comment: 'text',
  },
  allergy: {
    substance: 'text',
    medicineCode: 'optionalText',
    atcClass: 'optionalText',
    reaction: 'text',
    severity: 'text',
    verification: 'text',
    status: 'text',
    notedOn: 'day',
  },
  lab_result: {
    test: 'text',
    testCode: 'optionalText',
    value: 'numberOrText',
    unit: 'text',
    referenceLow: 'optionalNumber',
    referenceHigh: 'optionalNumber',
    flag: 'optionalText',
    takenOn: 'day',
    scanId: 'optionalText',
    comment: 'text',
  },
  document: { type: 'text', date: 'day', title: 'text', comment: 'text', scanId: 'id' },
} as const satisfies Record<ChartEntryKind, Record<string, ValueType>>;

export type FieldOf<K extends ChartEntryKind> = keyof (typeof specs)[K] & string;
/** A kind's form as typed: one text per box. */
export type EntryValues<K extends ChartEntryKind> = Record<FieldOf<K>, string>;

export function fieldsOf<K extends ChartEntryKind>(kind: K): FieldOf<K>[] {
  return Object.keys(specs[kind]) as FieldOf<K>[];
}

/** What a new entry's form starts with: today, now, the usual choices. */
export function emptyValues<K extends ChartEntryKind>(kind: K, now: Date): EntryValues<K> {
  const moscowNow = formatDateTime(now.toISOString());
  const blank = Object.fromEntries(fieldsOf(kind).map((field) => [field, ''])) as Record<string, string>;
  const starts: Record<ChartEntryKind, Record<string, string>> = {
    encounter: { at: moscowNow, visitType: 'first' },
    diagnosis: { role: 'main', status: 'active', establishedOn: moscowNow.slice(0, 10) },
    procedure: { performedOn: moscowNow.slice(0, 10) },
    prescription: { unit: 'mg', timesPerDay: '1', route: 'oral', startOn: moscowNow.slice(0, 10), status: 'active' },
    allergy: { severity: 'moderate', verification: 'reported', status: 'active', notedOn: moscowNow.slice(0, 10) },
    lab_result: { takenOn: moscowNow.slice(0, 10) },
    document: { type: 'lab_report', date: moscowNow.slice(0, 10) },
  };
  return { ...blank, ...starts[kind] } as EntryValues<K>;
}

/** An entry's body as its form (an amendment starts from what is written). */
export function valuesFromBody<K extends ChartEntryKind>(kind: K, body: Record<string, unknown>): EntryValues<K> {
  const spec: Record<string, ValueType> = specs[kind];
  return Object.fromEntries(
    Object.entries(spec).map(([field, type]) => [field, toFormText(type, body[field])]),
  ) as EntryValues<K>;
}

/** The form as a draft, unchecked: the shared schema judges it (client-side, then the desk's service). */
export function toDraft<K extends ChartEntryKind>(kind: K, values: EntryValues<K>): ChartDraftInput {
  const spec: Record<string, ValueType> = specs[kind];
  const typed: Record<string, string> = values;
  const body = Object.fromEntries(
    Object.entries(spec)
      .map(([field, type]) => [field, toBodyValue(type, typed[field] ?? '')] as const)
      .filter(([, value]) => value !== undefined),
  );
  return { kind, body } as ChartDraftInput;
}

/**
 * The box a refusal belongs to: the contract names body fields `draft.body.dose`, the service
 * and the prescription check may name them bare (`dose`); an override's reason is `overrides.N.reason`.
 */
export function formFieldOf<K extends ChartEntryKind>(kind: K, apiField: string | undefined): FieldOf<K> | undefined {
  if (apiField === undefined) return undefined;
  const name = apiField.replace(/^draft\./, '').replace(/^body\./, '');
  return (fieldsOf(kind) as string[]).includes(name) ? (name as FieldOf<K>) : undefined;
}
