/**
 * The clinical chart (issue 12, D1–D6; seed §1.2, §4.1, §6.3): what kinds of entry it holds and
 * the words each kind's fields take. One synced table, `chart_entries`, holds every kind; the
 * kind's own fields are its `body` (JSON, `chartBodySchemas` in drafts.ts).
 */
export const chartEntryKinds = [
  'encounter',
  'diagnosis',
  'procedure',
  'prescription',
  'allergy',
  'lab_result',
  'document',
] as const;
export type ChartEntryKind = (typeof chartEntryKinds)[number];

/** Type of visit: first, repeat, at home, remote (telemedicine). */
export const visitTypes = ['first', 'repeat', 'home', 'remote'] as const;
export type VisitType = (typeof visitTypes)[number];

/** A diagnosis's role in the encounter. */
export const diagnosisRoles = ['main', 'accompanying', 'complication'] as const;
export const diagnosisStatuses = ['active', 'resolved', 'ruled_out'] as const;

/** How a prescription is taken (the НСИ «Пути введения» in words the desk shows). */
export const administrationRoutes = [
  'oral',
  'sublingual',
  'intravenous',
  'intramuscular',
  'subcutaneous',
  'topical',
  'inhalation',
  'rectal',
  'nasal',
  'ophthalmic',
] as const;
export type AdministrationRoute = (typeof administrationRoutes)[number];
export const prescriptionStatuses = ['active', 'stopped', 'completed'] as const;

export const allergySeverities = ['mild', 'moderate', 'severe', 'life_threatening'] as const;
/** Confirmed by the clinic, or reported by the patient and not yet confirmed. */
export const allergyVerifications = ['confirmed', 'reported'] as const;
export const allergyStatuses = ['active', 'inactive'] as const;

/** A lab result's flag against its reference range. */
export const labFlags = ['normal', 'low', 'high', 'abnormal'] as const;
export type LabFlag = (typeof labFlags)[number];

/** A chart document's type. */
export const chartDocumentTypes = ['lab_report', 'imaging', 'discharge', 'referral', 'certificate', 'other'] as const;

/** Who put the entry in the chart: a doctor at a desk, or the patient from the cabinet (a lab result upload). */
export const chartEntrySources = ['desk', 'patient'] as const;
export type ChartEntrySource = (typeof chartEntrySources)[number];

/** The status a summary row shows (per kind, from the lists above). */
export const chartEntryStatuses = [
  ...diagnosisStatuses,
  ...prescriptionStatuses.filter((status) => status !== 'active'),
  ...allergyStatuses.filter((status) => status !== 'active'),
  ...labFlags,
] as const;
