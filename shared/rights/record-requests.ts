import { z } from 'zod';

/**
 * A patient's request for their records (F3, seed §5.3; issue 14): asked in the cabinet with a
 * purpose, the materials and the formats, confirmed with a one-time code; due in
 * `recordRequestWorkingDays` working days by the clinic's production calendar; fulfilled at the
 * desk with files (synced table `record_request_files`, blobs) or a paper copy handed over.
 * Rows of the synced table `record_requests`, written by the server for the cabinet.
 */
export const recordRequestWorkingDays = 5;

/** How long the patient may download a fulfilled request's files, from the day it was fulfilled. */
export const recordDownloadDays = 30;

export const recordFormats = ['pdf', 'semd', 'fhir', 'paper'] as const;
export type RecordFormat = (typeof recordFormats)[number];
/** The formats that are files (everything but the paper copy). */
export const fileFormats = ['pdf', 'semd', 'fhir'] as const;
export type FileFormat = (typeof fileFormats)[number];

/** The sections of a record one may ask for or export; `all` is the whole record. */
export const recordMaterials = [
  'all',
  'encounters',
  'diagnoses',
  'procedures',
  'prescriptions',
  'allergies',
  'observations',
  'documents',
] as const;
export type RecordMaterial = (typeof recordMaterials)[number];

/** `open` (new) → `in_work` (a clerk took it) → `done` (every format given); the server escalates an overdue one. */
export const recordRequestStatuses = ['open', 'in_work', 'done'] as const;
export type RecordRequestStatus = (typeof recordRequestStatuses)[number];

/** What is asked for: sections and an optional period (ISO dates, inclusive). */
export const recordMaterialsSchema = z.strictObject({
  sections: z.array(z.enum(recordMaterials)).min(1).max(recordMaterials.length),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type RecordMaterials = z.infer<typeof recordMaterialsSchema>;

/** A request’s number as people say it: «З-2026-000042» (the year of submission, then a count in the clinic). */
export function recordRequestNumber(year: number, count: number): string {
  return `З-${year}-${String(count).padStart(6, '0')}`;
}
