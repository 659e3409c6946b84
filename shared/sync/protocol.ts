import { z } from 'zod';
import { provenSessionSchema } from './session-proof';

/**
 * The workstation ⇄ server sync protocol (ARCHITECTURE: sync protocol). Both ends validate
 * every message with these schemas. Paths are under /v1.
 *
 * Every request after enrolment is signed by the device's Ed25519 key:
 *   x-medcard-device:    the device id
 *   x-medcard-time:      milliseconds since the epoch (accepted within ±5 minutes)
 *   x-medcard-nonce:     32 hex digits, never reused by that device
 *   x-medcard-signature: base64 Ed25519 signature of `signedText(...)`
 */
export const signatureHeaders = {
  device: 'x-medcard-device',
  time: 'x-medcard-time',
  nonce: 'x-medcard-nonce',
  signature: 'x-medcard-signature',
} as const;

export const maxClockSkewMs = 5 * 60 * 1000;

/** What a device signs: method, path with query, time, nonce and the body's SHA-256 (hex). */
export function signedText(parts: {
  method: string;
  path: string;
  time: string;
  nonce: string;
  bodySha256: string;
}): string {
  return `${parts.method.toUpperCase()}\n${parts.path}\n${parts.time}\n${parts.nonce}\n${parts.bodySha256}`;
}

/** Tables that sync, and for each the fields a device may write. */
export const syncedFields = {
  patients: [
    'surname',
    'name',
    'patronymic',
    'birth_date',
    'sex',
    'foreign_citizen',
    'snils',
    'enp',
    'inn',
    'phone',
    'email',
    // Contact data like phone and e-mail: administrative, the last change wins (0013).
    'address',
    'surname_fold',
    'name_fold',
    'patronymic_fold',
    'deleted_at',
    // The card this one was merged into (B2): set once, by a merge.
    'merged_into',
    // Made by the server for a patient who registered in the cabinet with no matching card (issue 11).
    'registered_online_at',
    // Who made and last changed the row, from which desk (administrative: last writer wins).
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /** Conflict records are made by the server; desks may only resolve them. */
  sync_conflicts: ['resolved_at', 'resolved_by', 'resolution'],
  /**
   * Staff accounts, so that a person signs in at any desk (also offline, with what the desk last
   * pulled). Only people travel: each desk's setup account stays on its desk. Per-desk state
   * stays local: lockout counters (failed_attempts, last_failed_at, locked_until). A TOTP secret
   * never travels (issue 10, item 2): an enrolled desk's is sealed on the server, which checks the
   * codes and keeps the last step; a lone desk keeps its own (local-writers/pending-totp.ts). Only
   * `totp_enrolled_at` travels, so every desk offers the app at sign-in.
   */
  staff: [
    'login',
    'display_name',
    'role',
    'active',
    'password_hash',
    'password_changed_at',
    'must_change_password',
    'totp_enrolled_at',
    'must_enrol_key',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /**
   * A person's keys: public data only. `public_key` (COSE) travels and is stored as base64url
   * text. The WebAuthn signature `counter` and `last_used_at` stay per desk (a genuine key's
   * counter grows everywhere, so each desk still refuses an answer that does not move it on).
   */
  staff_keys: [
    'staff_id',
    'kind',
    'name',
    'credential_id',
    'public_key',
    'transports',
    'aaguid',
    'yubikey_public_id',
    'revoked_at',
    'revoked_by',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  // Recovery codes do not sync (issue 10, item 2): an enrolled desk's are the server's (HMAC under
  // its pepper, spent online once for every desk); a lone desk keeps its own as argon2id.
  /**
   * Scans of identity documents (B4): what the checks measured and the SHA-256 of the file and its
   * thumbnail (the files travel as blobs). The content never changes: a merge may move the scan to
   * the surviving card, and a tombstone (with the clerk's reason) may follow. `purpose` and
   * `attached_to` say what the scan is of and which row it belongs to (shared/scans/scan-purpose.ts).
   */
  document_scans: [
    'patient_id',
    'sha256',
    'mime',
    'bytes',
    'pages',
    'dpi',
    'brightness',
    'sharpness',
    'thumbnail_sha256',
    'deleted_at',
    'purpose',
    'attached_to',
    'deleted_reason',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /**
   * Identity documents and OMS policies (B3, B7). A replaced document stays, superseded; the
   * policy's confirmation and the comparison with the record (B5, JSON) are on the row.
   */
  identity_documents: [
    'patient_id',
    'type',
    'form',
    'title',
    'series',
    'number',
    'issuer',
    'issuer_code',
    'issue_date',
    'expiry_date',
    'insurer_code',
    'policy_status',
    'policy_reason',
    'policy_checked_by',
    'policy_checked_at',
    'superseded_at',
    'replaced_by',
    'update_due',
    'comparison',
    'compared_by',
    'compared_at',
    'deleted_at',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /**
   * Consents to personal-data processing (B8): the text version and its SHA-256 as accepted, the
   * evidence (a signature image in the vault — a blob — or a scan row), and a one-way withdrawal.
   */
  consents: [
    'patient_id',
    'text_version',
    'text_sha256',
    'method',
    'signature_sha256',
    'scan_id',
    'accepted_at',
    'accepted_by',
    'withdrawn_at',
    'withdrawn_by',
    'withdrawal_reason',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /** Trusted persons (B9): who, on what basis, which sections (`scope`, JSON), when; a one-way revocation. */
  proxies: [
    'patient_id',
    'surname',
    'name',
    'patronymic',
    'foreign_citizen',
    'birth_date',
    'phone',
    'relationship',
    'basis',
    'document_number',
    'document_issued_on',
    'document_expires_on',
    'document_issuer',
    'scope',
    'starts_on',
    'ends_on',
    'revoked_at',
    'revoked_by',
    'revocation_reason',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /**
   * Online identity confirmation (B6), one row per patient. The server writes it for the portal's
   * attempts (counter, lock; `device_id` null); a desk may only move a locked row to
   * `verified_in_person` with the documents seen (server/portal/online-identity-rule.ts).
   * `documents_seen` and `scan_ids` hold JSON arrays.
   */
  online_identity: [
    'patient_id',
    'status',
    'failed_attempts',
    'locked_at',
    'verified_at',
    'verified_by',
    'documents_seen',
    'scan_ids',
    'note',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /**
   * Applications for online access (C1–C4): made by the server for the cabinet's submissions
   * (`channel` 'portal', `device_id` null) or by a desk for a patient in person ('desk'). A desk
   * moves the review on (start, approve, deny, appeal outcome); the server checks every decision
   * (server/cabinet/applications/application-rule.ts), sets the deadline flags and sends the
   * notifications. `scan_ids` holds a JSON array of document_scans ids.
   */
  applications: [
    'patient_id',
    'account_id',
    'number',
    'channel',
    'urgent',
    'status',
    'submitted_at',
    'due_at',
    'consent_id',
    'scan_ids',
    'contact_email',
    'contact_phone',
    'review_started_at',
    'review_started_by',
    'decided_at',
    'decided_by',
    'activation_channel',
    'deny_reason',
    'deny_note',
    'supply_due',
    'supplied_at',
    'supply_note',
    'appeal_text',
    'appeal_at',
    'appeal_outcome',
    'appeal_note',
    'appeal_decided_at',
    'appeal_decided_by',
    'overdue_at',
    'escalated_at',
    'activation_sent_at',
    'activated_at',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /**
   * An application's journal (C6): one row per event, never changed. `actor_kind` says who:
   * 'staff' (actor_id a staff id), 'patient' (the account), 'server'. `detail` is JSON.
   */
  application_events: [
    'application_id',
    'kind',
    'at',
    'actor_kind',
    'actor_id',
    'detail',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /** A change of a patient's contact data (B1): the previous value stays readable, with who and when. Never changed. */
  contact_changes: [
    'patient_id',
    'field',
    'old_value',
    'new_value',
    'changed_at',
    'changed_by',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /**
   * Dictionary releases (НСИ, electron/services/dictionaries/README.md): one published version of
   * a dictionary, its file named by SHA-256 (the file travels as a blob). Written once by an admin
   * or by the server, never changed (server/dictionaries/release-rule.ts).
   */
  dictionary_releases: [
    'kind',
    'name',
    'dictionary_version',
    'source_name',
    'source_sha256',
    'source_bytes',
    'row_count',
    'refused_count',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /**
   * The clinical chart (issue 12, shared/chart/): every kind of entry in one table. `body` is the
   * kind's JSON (shared/chart/drafts.ts); `occurred_at`, `visit_type`, `doctor_id`, `code`,
   * `summary` and `status` are what the history's timeline shows from its covering index (copied
   * from the body and the encounter by the writer). `revision` grows with each amendment, whose
   * previous version is a `chart_revisions` row; a removal is a tombstone with its reason.
   * `overrides` is the JSON list of the warnings the doctor overrode, with reasons. `source`
   * 'patient': the patient's own upload from the cabinet (written by the server).
   */
  chart_entries: [
    'patient_id',
    'kind',
    'encounter_id',
    'occurred_at',
    'visit_type',
    'doctor_id',
    'code',
    'summary',
    'status',
    'body',
    'overrides',
    'revision',
    'source',
    'amended_at',
    'amended_by',
    'amend_reason',
    'report_id',
    'deleted_at',
    'deleted_by',
    'deleted_reason',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /** A previous version of a chart entry (D4), written when it is amended or removed. Never changed. */
  chart_revisions: [
    'entry_id',
    'patient_id',
    'revision',
    'occurred_at',
    'code',
    'summary',
    'status',
    'body',
    'replaced_at',
    'replaced_by',
    'reason',
    'report_id',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /**
   * A patient's report of an inaccuracy (D4, shared/chart/inaccuracy.ts): written by the server for
   * the cabinet; a desk's reviewer decides it (server/chart/report-rule.ts judges the decision);
   * the patient's statement of disagreement comes back through the server.
   */
  chart_reports: [
    'patient_id',
    'entry_id',
    'account_id',
    'kind',
    'text',
    'submitted_at',
    'due_on',
    'status',
    'decided_at',
    'decided_by',
    'decline_reason',
    'amendment_revision',
    'disagreement',
    'disagreement_at',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /** A patient's consent to share their record with one recipient and scope (D6); a one-way revocation. */
  share_consents: [
    'patient_id',
    'recipient',
    'scope',
    'entry_ids',
    'valid_until',
    'given_at',
    'given_via',
    'given_by',
    'revoked_at',
    'revoked_by',
    'revocation_reason',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /** One sending to a consent's recipient (D6): the server checks the consent and sends it. Never changed. */
  chart_shares: [
    'patient_id',
    'consent_id',
    'entry_ids',
    'shared_at',
    'shared_by',
    'sent_at',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /**
   * Appointments (issue 13, E1–E3; shared/appointments/). The schedule — specialists, rooms,
   * service types, weekly working patterns, exceptions — is managed at the desk by admins and
   * senior clerks (`schedules.manage`) and synced; free slots are computed from it and the
   * bookings (shared/appointments/free-slots.ts), never stored. Times of day are the clinic's
   * local `HH:MM`; days are ISO dates in the clinic's time zone.
   */
  specialists: [
    'staff_id',
    'display_name',
    'specialty_code',
    'position_code',
    // The codes' names as the saving desk's НСИ had them (the server holds no НСИ).
    'specialty_name',
    'position_name',
    'department',
    'room_id',
    'active',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  rooms: ['name', 'active', 'created_at', 'created_by', 'updated_at', 'updated_by', 'device_id'],
  service_types: [
    'service_code',
    'name',
    'duration_min',
    'mode',
    'daily_limit',
    'instructions',
    'active',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  work_patterns: [
    'specialist_id',
    'room_id',
    'weekday',
    'starts',
    'ends',
    'breaks',
    'service_type_ids',
    'valid_from',
    'valid_to',
    'deleted_at',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  schedule_exceptions: [
    'specialist_id',
    'kind',
    'from_date',
    'to_date',
    'starts',
    'ends',
    'note',
    'deleted_at',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /**
   * A booking. A desk writes it `requested` (offline too: "waiting for confirmation"); the
   * server's rule claims the slot in the same transaction (a PostgreSQL exclusion constraint per
   * specialist and per room, server/appointments/) and writes it `booked`, or refuses it with
   * the rule's code. The cabinet books through the server (hold → confirm). `replaces_id`: the
   * booking this one moves (the new slot is taken before the old is freed, one transaction).
   */
  appointments: [
    'patient_id',
    'specialist_id',
    'room_id',
    'service_type_id',
    'starts_at',
    'ends_at',
    'mode',
    'status',
    'source',
    'replaces_id',
    'replaced_by',
    'refused_code',
    'note',
    'patient_time_zone',
    'booked_at',
    'cancelled_at',
    'cancelled_by',
    'cancel_reason',
    'arrived_at',
    'no_show_at',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /** A referral or a result attached to a booking (E2): a checked file (scan) or a chart entry. */
  appointment_attachments: [
    'appointment_id',
    'patient_id',
    'kind',
    'title',
    'scan_id',
    'chart_entry_id',
    'added_via',
    'deleted_at',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /**
   * Patients' rights (issue 14, shared/rights/). A record request (F3) is written by the server for
   * the cabinet; a desk takes and fulfils it (server/rights/ judges each step); the server marks
   * an overdue one escalated.
   */
  record_requests: [
    'patient_id',
    'account_id',
    'number',
    'purpose',
    'materials',
    'formats',
    'submitted_at',
    'confirmed_via',
    'due_on',
    'status',
    'escalated_at',
    'taken_at',
    'taken_by',
    'paper_handed_at',
    'paper_handed_by',
    'paper_received_by',
    'fulfilled_at',
    'fulfilled_by',
    'available_until',
    'notified_at',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /** A file made for a record request at the desk (its blob by SHA-256); never changed. */
  record_request_files: [
    'request_id',
    'patient_id',
    'format',
    'file_name',
    'mime',
    'size',
    'sha256',
    'withheld',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /** A restriction of one entry or the whole chart (F4): the reason, the basis, who decided; lifted once. */
  record_restrictions: [
    'patient_id',
    'entry_id',
    'reason',
    'basis',
    'note',
    'decided_at',
    'decided_by',
    'lifted_at',
    'lifted_by',
    'lift_reason',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /** A break-the-glass grant: who, why, until when, the key that was touched; an auditor's verdict, once. */
  emergency_access: [
    'patient_id',
    'staff_id',
    'entry_id',
    'reason_code',
    'reason_text',
    'started_at',
    'expires_at',
    'credential_id',
    'review_verdict',
    'reviewed_at',
    'reviewed_by',
    'review_note',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /**
   * The clinic's incident log (issue 15, §6.2, shared/incidents/): opened by staff at a desk or by
   * the server's alert (`source`, `alert_key`); a manager takes, resolves and reviews it; a leak
   * of personal data records the regulator's notices (152-ФЗ: 24 h, 72 h). Judged by
   * server/incidents/.
   */
  incidents: [
    'number',
    'kind',
    'severity',
    'status',
    'title',
    'description',
    'detected_at',
    'opened_by',
    'source',
    'alert_key',
    'handler_id',
    'resolution',
    'resolved_at',
    'resolved_by',
    'review',
    'reviewed_at',
    'reviewed_by',
    'notified_at',
    'notified_by',
    'results_at',
    'results_by',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /** An incident's timeline: one row per step (opened, note, status, handler, notice, review); never changed. */
  incident_entries: [
    'incident_id',
    'kind',
    'at',
    'author_id',
    'note',
    'from_value',
    'to_value',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
  /**
   * The clinic's health thresholds (issue 15, G5; shared/health/thresholds.ts): one row per
   * clinic, an admin's, each metric's amber and red limit; judged by server/monitoring/.
   */
  health_thresholds: [
    'sync_minutes_amber',
    'sync_minutes_red',
    'outbox_amber',
    'outbox_red',
    'conflicts_amber',
    'conflicts_red',
    'free_disk_mb_amber',
    'free_disk_mb_red',
    'backup_days_amber',
    'backup_days_red',
    'drill_days_amber',
    'drill_days_red',
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'device_id',
  ],
} as const satisfies Record<string, readonly string[]>;
export type SyncedTableName = keyof typeof syncedFields;
export const syncedTableNames = Object.keys(syncedFields) as SyncedTableName[];

/**
 * Fields where two desks' different values must be resolved by staff (a conflict record).
 * The rest are administrative: the change that reaches the server last wins, and both values
 * stay in the change log.
 */
export const conflictingFields: Record<SyncedTableName, readonly string[]> = {
  patients: ['surname', 'name', 'patronymic', 'birth_date', 'sex', 'snils', 'enp', 'inn', 'deleted_at', 'merged_into'],
  sync_conflicts: ['resolution'],
  // Account fields are administrative: the admin's change that reaches the server last wins
  // (both values stay in the log). What must never be undone is guarded by oneWayFields instead.
  staff: [],
  staff_keys: [],
  document_scans: [],
  // What the document says, and two desks' different verdicts on a policy: for staff to settle.
  identity_documents: [
    'type',
    'form',
    'series',
    'number',
    'issue_date',
    'expiry_date',
    'insurer_code',
    'policy_status',
    'policy_reason',
    'deleted_at',
  ],
  // Never edited after the acceptance or the addition: only withdrawn or revoked (oneWayFields).
  consents: [],
  proxies: [],
  // Two desks verifying one patient: the second finds the row no longer locked and is refused.
  online_identity: [],
  // Decisions are judged by the server's rule against the state it holds; the journal and the
  // contact history are append-only.
  applications: [],
  application_events: [],
  contact_changes: [],
  // Never changed once published.
  dictionary_releases: [],
  // What the chart says: two desks' different versions of an entry are for the doctors to settle.
  chart_entries: ['kind', 'occurred_at', 'code', 'summary', 'status', 'body', 'deleted_at'],
  // Append-only; a report's decision is judged by the server's rule.
  chart_revisions: [],
  chart_reports: [],
  share_consents: [],
  chart_shares: [],
  // The schedule is administrative (the last change wins); a booking's status is judged by the
  // server's rule against the slot it holds (server/appointments/).
  specialists: [],
  rooms: [],
  service_types: [],
  work_patterns: [],
  schedule_exceptions: [],
  appointments: [],
  appointment_attachments: [],
  // Each step of a request, a restriction and a grant is judged by the server's rules (server/rights/).
  record_requests: [],
  record_request_files: [],
  record_restrictions: [],
  emergency_access: [],
  // Each step of an incident is judged by the server's rule (server/incidents/); the timeline only grows.
  incidents: [],
  incident_entries: [],
  // Administrative: the admin's change that reaches the server last wins (the rule checks each value).
  health_thresholds: [],
};

/**
 * Fields that move one way only, whoever writes last: `once` goes from null to a value and then
 * keeps it (a spent recovery code stays spent, a revoked key stays revoked); `grows` only takes
 * a larger number. The server drops a change that would move such a field back, and
 * a desk keeps its own value when a pulled one would.
 */
export const oneWayFields: Partial<Record<SyncedTableName, Readonly<Record<string, 'once' | 'grows'>>>> = {
  staff_keys: { revoked_at: 'once', revoked_by: 'once' },
  document_scans: { deleted_at: 'once', deleted_reason: 'once' },
  // A replaced document stays replaced; the new one, once named, stays named.
  identity_documents: { superseded_at: 'once', replaced_by: 'once', deleted_at: 'once' },
  // A withdrawn consent stays withdrawn, a revoked proxy stays revoked (152-ФЗ art. 9: a new consent is a new row).
  consents: { withdrawn_at: 'once', withdrawn_by: 'once', withdrawal_reason: 'once' },
  proxies: { revoked_at: 'once', revoked_by: 'once', revocation_reason: 'once' },
  // A removed entry stays removed; a revision only grows; a decided report stays decided.
  chart_entries: { deleted_at: 'once', deleted_by: 'once', deleted_reason: 'once', revision: 'grows' },
  chart_reports: { decided_at: 'once', decided_by: 'once', disagreement: 'once', disagreement_at: 'once' },
  share_consents: { revoked_at: 'once', revoked_by: 'once', revocation_reason: 'once' },
  chart_shares: { sent_at: 'once' },
  // A cancelled booking stays cancelled; a moved one stays moved; a mark once made stays.
  appointments: {
    cancelled_at: 'once',
    cancelled_by: 'once',
    replaced_by: 'once',
    arrived_at: 'once',
    no_show_at: 'once',
  },
  work_patterns: { deleted_at: 'once' },
  schedule_exceptions: { deleted_at: 'once' },
  appointment_attachments: { deleted_at: 'once' },
  // A step of a request, once made, stays made; a lifted restriction stays lifted; a verdict stays.
  record_requests: {
    escalated_at: 'once',
    taken_at: 'once',
    paper_handed_at: 'once',
    fulfilled_at: 'once',
    notified_at: 'once',
  },
  record_restrictions: { lifted_at: 'once', lifted_by: 'once', lift_reason: 'once' },
  emergency_access: { review_verdict: 'once', reviewed_at: 'once', reviewed_by: 'once' },
  // A regulator's notice, once recorded, and a review stay (the rule refuses a change; a pull keeps them).
  incidents: {
    notified_at: 'once',
    notified_by: 'once',
    results_at: 'once',
    results_by: 'once',
    review: 'once',
    reviewed_at: 'once',
    reviewed_by: 'once',
  },
};

/**
 * Columns that hold the SHA-256 of a vault file (a scan, its thumbnail, a signature image). The
 * sync worker uploads each such blob before it pushes the row that names it, and a desk that
 * pulls the row fetches the blob into its own vault.
 */
export const blobFields: Partial<Record<SyncedTableName, readonly string[]>> = {
  document_scans: ['sha256', 'thumbnail_sha256'],
  consents: ['signature_sha256'],
  record_request_files: ['sha256'],
};

/** True when `incoming` would move a one-way field back: the stored value is kept. */
export function keepsStoredValue(table: string, field: string, stored: unknown, incoming: unknown): boolean {
  const rule = (oneWayFields as Record<string, Readonly<Record<string, 'once' | 'grows'>> | undefined>)[table]?.[field];
  if (rule === undefined || stored === null || stored === undefined || stored === incoming) return false;
  if (rule === 'once') return true;
  return typeof stored === 'number' && (typeof incoming !== 'number' || incoming < stored);
}

const uuid = z.uuid();
const fieldValue = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);
const rowData = z.record(z.string().max(64), fieldValue);

export const enrolRequestSchema = z.strictObject({
  code: z.string().min(8).max(64),
  name: z.string().min(1).max(100),
  /** The device's Ed25519 public key, SPKI DER in base64. */
  publicKey: z.string().min(40).max(200),
});
export const enrolResponseSchema = z.object({ deviceId: uuid, serverId: z.string() });

export const mutationSchema = z.strictObject({
  mutationId: uuid,
  table: z.string().max(64),
  rowId: uuid,
  baseVersion: z.number().int().min(0),
  changed: rowData,
  actorId: z.string().max(64),
  at: z.string().max(40),
  /**
   * The session that signed the entry when it was written (shared/sync/session-proof.ts), and the
   * signature: Ed25519 by the session key over `entryText`, base64url. A push carries the session's
   * proven statement; the server refuses an entry without them (`sync.proof.missing`).
   */
  sessionId: uuid.optional(),
  signature: z
    .string()
    .regex(/^[A-Za-z0-9_-]{86}$/, 'base64url')
    .optional(),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.strictObject({
  mutations: z.array(mutationSchema).min(1).max(500),
  /** The proven sessions the entries name, each once. */
  sessions: z.array(provenSessionSchema).max(500).default([]),
});
export type PushRequest = z.input<typeof pushRequestSchema>;

export const mutationResultSchema = z.discriminatedUnion('status', [
  z.object({ mutationId: uuid, status: z.literal('applied'), version: z.number().int() }),
  z.object({
    mutationId: uuid,
    status: z.literal('conflict'),
    /** The row as the server now has it (what was merged is in it; the conflicting fields are not). */
    version: z.number().int(),
    conflictFields: z.array(z.string()),
  }),
  z.object({ mutationId: uuid, status: z.literal('refused'), code: z.string(), field: z.string().optional() }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;
export const pushResponseSchema = z.object({ results: z.array(mutationResultSchema) });

/** One entry of the change log: the row's whole state after the change. */
export const changeSchema = z.object({
  seq: z.number().int(),
  table: z.string(),
  rowId: z.string(),
  version: z.number().int(),
  data: rowData,
});
export type Change = z.infer<typeof changeSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  /** Pass as `since` next time. */
  cursor: z.number().int(),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** First sync: the rows as of `upTo`, paged by (table, id); then pull since `upTo`. */
export const snapshotResponseSchema = z.object({
  upTo: z.number().int(),
  rows: z.array(changeSchema.omit({ seq: true })),
  /** Pass as `after` for the next page; null when done. */
  after: z.string().nullable(),
  total: z.number().int(),
});
export type SnapshotResponse = z.infer<typeof snapshotResponseSchema>;

/**
 * A conflict record's row data (table `sync_conflicts`, made by the server in the same
 * transaction as the refused field, and synced to every desk like any row).
 */
export const conflictDataSchema = z.object({
  table_name: z.string(),
  row_id: z.string(),
  field: z.string(),
  server_value: fieldValue,
  server_version: z.number().int(),
  server_actor_id: z.string().nullable(),
  server_at: z.string().nullable(),
  device_value: fieldValue,
  device_id: z.string(),
  actor_id: z.string(),
  at: z.string(),
  mutation_id: z.string(),
  resolved_at: z.string().nullable(),
  resolved_by: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type ConflictData = z.infer<typeof conflictDataSchema>;

export const syncErrorSchema = z.object({
  code: z.string(),
  message: z.object({ ru: z.string(), en: z.string() }),
  field: z.string().optional(),
});

/**
 * Blobs (scans, lab files), content-addressed by SHA-256 (lowercase hex), uploaded in chunks:
 * `PUT /v1/blobs/:sha256?offset=N[&complete=1]` (application/octet-stream, at most
 * blobChunkMaxBytes) answers with this status; `HEAD` gives the same in the `upload-offset` and
 * `upload-complete` headers (404 when the server has nothing); `GET` (Range allowed) downloads
 * a complete blob.
 */
export const blobChunkMaxBytes = 1024 * 1024;
export const blobMaxBytes = 50 * 1024 * 1024;
export const blobStatusSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  received: z.number().int().min(0),
  complete: z.boolean(),
});
export type BlobStatus = z.infer<typeof blobStatusSchema>;
