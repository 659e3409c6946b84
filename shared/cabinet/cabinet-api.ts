import { z } from 'zod';
import {
  activationChannels,
  appealOutcomes,
  applicationChannels,
  applicationEventKinds,
  applicationStatuses,
  denyReasons,
  eventActorKinds,
} from '../domain/application';
import { onlineIdentityStatuses } from '../domain/online-identity';
import type { ScanPurpose } from '../scans/scan-purpose';

/**
 * The patient cabinet's HTTP API (issue 11), served by the central server under `/api/cabinet`
 * beside the cabinet's pages (same origin). Both ends validate with these schemas; requests that
 * carry a body are JSON unless said otherwise. Refusals are `{ code, message: { ru, en }, field? }`
 * like every server refusal (shared/errors/catalog.ts).
 *
 * Sessions: an HttpOnly, Secure-when-TLS, SameSite=Strict cookie `medcard_cabinet` (opaque id,
 * stored hashed on the server). Every state-changing request (POST/PUT/DELETE) after a session
 * exists carries `x-csrf-token` equal to the session's token, which `GET /me` returns; requests
 * without a session (register, sign-in, confirm links, activation) check Origin instead.
 *
 * A session's `stage` says what it may do: `applicant` (registered, not yet activated: confirm
 * contacts and identity, apply, follow the application) or `patient` (signed in with password +
 * one-time code after activation: everything).
 */
export const cabinetApiPrefix = '/api/cabinet';
export const cabinetSessionCookie = 'medcard_cabinet';
export const csrfHeader = 'x-csrf-token';

export const cabinetPaths = {
  // accounts (server/cabinet/accounts/)
  register: '/register', // POST RegisterRequest → 202 Accepted { sentTo: masked e-mail }
  emailConfirm: '/email/confirm', // POST { token } → 200 Me, sets the applicant session
  emailResend: '/email/resend', // POST { email } → 202 always (no account existence leak)
  phoneSend: '/phone/send', // POST {} → CodeSent
  phoneConfirm: '/phone/confirm', // POST { code } → Me
  me: '/me', // GET → Me (401 cabinet.session.none without a session)
  signIn: '/sign-in', // POST { email, password } → SignInChallenge
  signInSend: '/sign-in/send', // POST { challengeId, channel } → CodeSent
  signInVerify: '/sign-in/verify', // POST { challengeId, channel, code } → Me, sets the patient session
  signOut: '/sign-out', // POST → 204
  signOutEverywhere: '/sign-out/everywhere', // POST → 204, every session of the account ends
  activate: '/activate', // POST { email, code, password } → 204 (the code from the link, SMS or print)
  totpBegin: '/totp/begin', // POST → { uri, secret } (patient stage)
  totpConfirm: '/totp/confirm', // POST { code } → 204
  notificationSettings: '/settings/notifications', // GET → NotificationSettings; PUT NotificationSettings → same
  representation: '/representation', // GET → Representation
  oidcStart: '/oidc/start', // GET → 302 to the identity provider
  oidcCallback: '/oidc/callback', // GET ?code&state → 302 to the cabinet, session set
  // identity (server/cabinet/identity/)
  identity: '/identity', // GET → IdentityState
  identityCodeSend: '/identity/code/send', // POST { channel } → CodeSent (to the contact on the clinic's card)
  identityCodeConfirm: '/identity/code/confirm', // POST { code } → IdentityState
  identityDocument: '/identity/document', // POST { scanId, documentType, series, number } → IdentityState
  // uploads (server/cabinet/uploads/): body is the file itself, content-type image/jpeg | image/png | application/pdf
  scans: '/scans', // POST (raw body ≤ 5 MB; ?purpose= uploadScanQuerySchema) → UploadedScan
  // applications (server/cabinet/applications/)
  applicationSignatureSend: '/applications/signature/send', // POST {} → CodeSent (the simple e-signature code)
  applications: '/applications', // GET → ApplicationView[]; POST SubmitApplication → 201 ApplicationView
  applicationSupply: '/applications/:id/supply', // POST { note, scanIds } → ApplicationView
  applicationAppeal: '/applications/:id/appeal', // POST { text } → ApplicationView
} as const;

export const codeChannels = ['sms', 'email', 'totp'] as const;
export type CodeChannel = (typeof codeChannels)[number];

export const cabinetStages = ['applicant', 'patient'] as const;
export type CabinetStage = (typeof cabinetStages)[number];

/** A one-time code was sent: where (masked: `+7 *** ***-**-67`, `i***@mail.ru`) and when another may be asked. */
export const codeSentSchema = z.object({ sentTo: z.string(), resendAfterSeconds: z.number().int().nonnegative() });
export type CodeSent = z.infer<typeof codeSentSchema>;

export const meSchema = z.object({
  accountId: z.uuid(),
  stage: z.enum(cabinetStages),
  csrfToken: z.string(),
  surname: z.string(),
  name: z.string(),
  patronymic: z.string().nullable(),
  email: z.string(),
  emailConfirmed: z.boolean(),
  phone: z.string(),
  phoneConfirmed: z.boolean(),
  /** The clinic's card the account is linked to (null until linked). */
  patientId: z.uuid().nullable(),
  /** Signed in through the identity provider (OIDC), which vouched for the person. */
  federated: z.boolean(),
  activated: z.boolean(),
  totpEnrolled: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const signInChallengeSchema = z.object({
  challengeId: z.string(),
  channels: z.array(z.enum(codeChannels)),
});
export type SignInChallenge = z.infer<typeof signInChallengeSchema>;

export const notificationSettingsSchema = z.strictObject({ email: z.boolean(), sms: z.boolean() });
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** The people an account may act for (B9): themselves, and those whose trusted person they are. */
export const representationSchema = z.object({
  persons: z.array(
    z.object({
      patientId: z.uuid(),
      surname: z.string(),
      name: z.string(),
      patronymic: z.string().nullable(),
      birthDate: z.string(),
      self: z.boolean(),
      /** Under 15 (323-ФЗ art. 54): only a legal representative acts for them. */
      underFifteen: z.boolean(),
      /** The sections this account may see for them (a proxy's scope); every section for oneself. */
      scope: z.array(z.string()),
      until: z.string().nullable(),
    }),
  ),
});
export type Representation = z.infer<typeof representationSchema>;

export const identityStateSchema = z.object({
  status: z.enum(onlineIdentityStatuses),
  confirmed: z.boolean(),
  failedAttempts: z.number().int(),
  attemptsLeft: z.number().int(),
  lockedAt: z.string().nullable(),
  /** Which code channels can reach the contact on the clinic's card (none for a card made online). */
  codeChannels: z.array(z.enum(['sms', 'email'])),
});
export type IdentityState = z.infer<typeof identityStateSchema>;

export const uploadedScanSchema = z.object({
  scanId: z.uuid(),
  mime: z.string(),
  bytes: z.number().int(),
  pages: z.number().int(),
  dpi: z.number().nullable(),
});
export type UploadedScan = z.infer<typeof uploadedScanSchema>;

/** What a patient may upload (shared/scans/scan-purpose.ts): the desk's own (consent, verification) are not theirs. */
export const cabinetScanPurposes = [
  'identity_document',
  'oms_policy',
  // a lab result or another document for the chart (issue 12, shared/cabinet/chart-api.ts)
  'chart_document',
] as const satisfies readonly ScanPurpose[];
/** `POST /scans?purpose=…` (identity_document when absent). */
export const uploadScanQuerySchema = z.strictObject({
  purpose: z.enum(cabinetScanPurposes).default('identity_document'),
});
export type UploadScanQuery = z.input<typeof uploadScanQuerySchema>;

export const submitApplicationSchema = z.strictObject({
  urgent: z.boolean().default(false),
  /** The consent text's version the patient read and ticked (shared/domain/consent texts). */
  consentTextVersion: z.string().min(1).max(40),
  consentAccepted: z.literal(true),
  /** The code sent by `applicationSignatureSend`: the simple electronic signature. */
  signatureCode: z.string().regex(/^\d{6}$/),
  scanIds: z.array(z.uuid()).max(10).default([]),
});
export type SubmitApplication = z.input<typeof submitApplicationSchema>;

/** `applicationSupply`: what the patient adds to a denied application within the supply time. */
export const supplyApplicationSchema = z.strictObject({
  note: z.string().trim().max(2000).default(''),
  scanIds: z.array(z.uuid()).max(10).default([]),
});
export type SupplyApplication = z.input<typeof supplyApplicationSchema>;

/** `applicationAppeal`: the patient's appeal of a denial. */
export const appealApplicationSchema = z.strictObject({ text: z.string().trim().min(1).max(4000) });
export type AppealApplication = z.input<typeof appealApplicationSchema>;

export const applicationEventViewSchema = z.object({
  kind: z.enum(applicationEventKinds),
  at: z.string(),
  actorKind: z.enum(eventActorKinds),
  /** Plain values the page turns into words: a reason, a channel. */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

export const applicationViewSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  channel: z.enum(applicationChannels),
  status: z.enum(applicationStatuses),
  urgent: z.boolean(),
  submittedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  denyReason: z.enum(denyReasons).nullable(),
  denyNote: z.string().nullable(),
  /** While denied: the last day to supply what was missing. */
  supplyDue: z.string().nullable(),
  activationChannel: z.enum(activationChannels).nullable(),
  appeal: z
    .object({
      text: z.string(),
      at: z.string(),
      outcome: z.enum(appealOutcomes).nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
  events: z.array(applicationEventViewSchema),
});
export type ApplicationView = z.infer<typeof applicationViewSchema>;
