import { z } from 'zod';

/**
 * Applications for online access (C1–C6, seed §3.3, §3.4, §6.1): the words the cabinet, the
 * server and the desk share. One row per application (synced table `applications`), its journal
 * in `application_events`.
 *
 * The path: `submitted` → (a clerk opens it) `in_review` → `approved` (an activation code goes to
 * the patient) → `activated` (the patient set a password: the application is closed), or
 * `denied` (a reason citing its clause) → the patient supplies what was missing within
 * `supplyWorkingDays` → `in_review` again. An appeal of a denial is recorded with its text and
 * outcome.
 */
export const applicationStatuses = ['submitted', 'in_review', 'approved', 'denied', 'activated'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** Where the application was made: the patient's cabinet, or a desk for a patient in person. */
export const applicationChannels = ['portal', 'desk'] as const;
export type ApplicationChannel = (typeof applicationChannels)[number];

/**
 * Why an application is denied (C4): each cites its clause. The texts (i18n) name the clause:
 * no_identity — identity not confirmed (seed §3.2); no_consent — no consent to processing in force
 * (152-ФЗ art. 9); legal_restriction — access restricted by law (323-ФЗ art. 22); confidentiality —
 * a breach of confidentiality (323-ФЗ art. 13).
 */
export const denyReasons = ['no_identity', 'no_consent', 'legal_restriction', 'confidentiality'] as const;
export type DenyReason = (typeof denyReasons)[number];

/** How the activation code reaches the patient, and for how long it is good (NIST SP 800-63A). */
export const activationChannels = ['email', 'sms', 'print'] as const;
export type ActivationChannel = (typeof activationChannels)[number];
export const activationLifetimeMs: Record<ActivationChannel, number> = {
  email: 24 * 60 * 60 * 1000,
  sms: 10 * 60 * 1000,
  print: 7 * 24 * 60 * 60 * 1000,
};

/** The outcome of an appeal of a denial. */
export const appealOutcomes = ['upheld', 'overturned'] as const;
export type AppealOutcome = (typeof appealOutcomes)[number];

/** Working days a denied patient has to supply what was missing; also the legal maximum of a review. */
export const supplyWorkingDays = 5;
export const maxReviewWorkingDays = 5;

/** The journal's events (C6). `detail` (JSON) carries what each needs: a reason, a channel, a count. */
export const applicationEventKinds = [
  'received',
  'number_sent',
  'review_started',
  'check_finished',
  'approved',
  'denied',
  'supplied',
  'appeal_filed',
  'appeal_decided',
  'overdue',
  'escalated',
  'notification_sent',
  'activation_sent',
  'activated',
] as const;
export type ApplicationEventKind = (typeof applicationEventKinds)[number];

export const eventActorKinds = ['staff', 'patient', 'server'] as const;
export type EventActorKind = (typeof eventActorKinds)[number];

/** The checks before a decision (C3). */
export const applicationChecks = ['identity', 'consent', 'policy'] as const;
export type ApplicationCheck = (typeof applicationChecks)[number];

/**
 * An application's number as the patient reads it: `З-` + two digits of the year + `-` + the
 * source (`П` the cabinet, or the desk's four-character code) + `-` + a six-digit counter, e.g.
 * `З-26-П-000123`, `З-26-4F2A-000007`. Unique per clinic (the server's index refuses a repeat).
 */
export const applicationNumberPattern = /^З-\d{2}-(П|[0-9A-F]{4})-\d{6}$/;
export const applicationNumberSchema = z.string().regex(applicationNumberPattern);

export function applicationNumber(year: number, source: string, counter: number): string {
  return `З-${String(year % 100).padStart(2, '0')}-${source}-${String(counter).padStart(6, '0')}`;
}

/**
 * A desk's source in the numbers of the applications it takes (`З-26-4F2A-000007`): the last four
 * hex digits of its device id, upper case (the server checks a desk's numbers carry its own).
 */
export function deskApplicationSource(deviceId: string): string {
  return deviceId.replace(/-/g, '').slice(-4).toUpperCase();
}

/** The deadline settings (C2): hours for an ordinary and an urgent application. */
export interface DeadlineSettings {
  ordinaryHours: number;
  urgentHours: number;
}
export const defaultDeadlineSettings: DeadlineSettings = { ordinaryHours: 24, urgentHours: 4 };

/**
 * What approving an application taken at the desk needs while its patient has no cabinet account
 * (the server opens one on approval, from the card): an e-mail (the login) and a mobile phone (the
 * sign-in codes) on the application, and the code sent by e-mail or SMS — receiving it confirms
 * that contact, which a printed sheet cannot. Null when nothing stands in the way.
 */
export function deskApprovalProblem(
  application: { accountId: string | null; contactEmail: string | null; contactPhone: string | null },
  channel: ActivationChannel,
): 'application.desk.contacts' | 'application.desk.channel' | null {
  if (application.accountId !== null) return null;
  if (!application.contactEmail || !application.contactPhone) return 'application.desk.contacts';
  return channel === 'print' ? 'application.desk.channel' : null;
}
