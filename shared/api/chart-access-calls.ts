import { z } from 'zod';
import { authenticationAnswerSchema } from '../auth/webauthn-json';
import { patientIdSchema } from '../domain/patient';
import type { ErrorCode } from '../errors/catalog';
import {
  emergencyAccessHoursRange,
  emergencyReasons,
  emergencyVerdicts,
  restrictionReasons,
  type EmergencyReason,
  type RestrictionReason,
} from '../rights/restrictions';
import { defineCall } from './define-call';

const entryIdSchema = z.string().min(1).max(64);
const rowIdSchema = z.string().min(1).max(64);

/** A trimmed text of `min`–`max` characters, refused (missing, empty or too long alike) with its own code. */
function codedText(code: ErrorCode, min: number, max: number) {
  return z
    .custom<string>((value) => typeof value === 'string' && value.trim().length >= min && value.trim().length <= max, {
      params: { code, min, max },
    })
    .transform((value) => value.trim());
}

/** One value of a list, refused with its own code (not zod's generic one). */
function codedChoice<T extends string>(values: readonly T[], code: ErrorCode) {
  return z.custom<T>((value) => typeof value === 'string' && (values as readonly string[]).includes(value), {
    params: { code },
  });
}

/** The law's bounds of a restriction's basis document (a court decision, a board protocol). */
export const restrictionBasisLength = { min: 5, max: 500 } as const;
/** The bounds of the free text of a break-the-glass reason. */
export const emergencyTextLength = { min: 10, max: 1000 } as const;
/** The bounds of a lift's reason and an auditor's note. */
export const noteLength = { min: 5, max: 1000 } as const;

export const restrictionViewSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  /** null: the whole chart. */
  entryId: z.string().nullable(),
  entrySummary: z.string().nullable(),
  reason: z.enum(restrictionReasons),
  basis: z.string(),
  note: z.string().nullable(),
  decidedAt: z.string(),
  decidedBy: z.object({ id: z.string(), name: z.string() }),
  liftedAt: z.string().nullable(),
  liftReason: z.string().nullable(),
});
export type RestrictionView = z.infer<typeof restrictionViewSchema>;

export const grantViewSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  /** null: the whole card. */
  entryId: z.string().nullable(),
  reasonCode: z.enum(emergencyReasons),
  reasonText: z.string(),
  startedAt: z.string(),
  expiresAt: z.string(),
});
export type GrantView = z.infer<typeof grantViewSchema>;

export const reviewItemSchema = grantViewSchema.extend({
  staff: z.object({ id: z.string(), name: z.string() }),
  patientName: z.string().nullable(),
  /** How many audited reads were made under the grant. */
  reads: z.number().int(),
  verdict: z.enum(emergencyVerdicts).nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  reviewNote: z.string().nullable(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

/** A key touch: the answer to `auth.beginReauthentication`'s challenge. */
const keyTouchSchema = z.strictObject({ attemptId: z.uuid(), answer: authenticationAnswerSchema });

/** Restricted records and break-the-glass at the desk (issue 14, F4). Calls are named `chartAccess.*`. */
export const chartAccessCalls = {
  /**
   * Where the person stands with this patient's chart: in the treating team or not, their live
   * grants (the banner), and — for the team only — the active restrictions (the «ограничено»
   * marks). An outsider learns nothing of the restrictions. Audited when restrictions are shown.
   */
  'chartAccess.status': defineCall({
    input: z.strictObject({ patientId: patientIdSchema }),
    output: z.object({
      inTeam: z.boolean(),
      /** The chart has no entries yet: nothing to guard, anyone with chart.read may start it. */
      empty: z.boolean(),
      grants: z.array(grantViewSchema),
      restrictions: z.array(restrictionViewSchema),
      emergencyHours: z.number().int(),
    }),
    permission: 'chart.read',
  }),
  /** A restriction of one entry or of the whole chart (`entryId` null), decided by the treating team. */
  'chartAccess.restrict': defineCall({
    input: z.strictObject({
      patientId: patientIdSchema,
      entryId: entryIdSchema.nullable().default(null),
      reason: codedChoice<RestrictionReason>(restrictionReasons, 'chart.restriction.reason'),
      basis: codedText('chart.restriction.basis', restrictionBasisLength.min, restrictionBasisLength.max),
      note: z.string().trim().max(1000).nullable().default(null),
    }),
    output: restrictionViewSchema,
    permission: 'chart.write',
    writes: true,
  }),
  /** The restriction lifted, once, with why. */
  'chartAccess.lift': defineCall({
    input: z.strictObject({
      id: rowIdSchema,
      reason: codedText('chart.restriction.lift_reason', noteLength.min, noteLength.max),
    }),
    output: restrictionViewSchema,
    permission: 'chart.write',
    writes: true,
  }),
  /**
   * Break-the-glass: a reason from the list and its text, confirmed by a touch of the person's own
   * key (the challenge of `auth.beginReauthentication`). The grant lasts the desk's setting.
   */
  'chartAccess.breakGlass': defineCall({
    input: z.strictObject({
      patientId: patientIdSchema,
      entryId: entryIdSchema.nullable().default(null),
      reasonCode: codedChoice<EmergencyReason>(emergencyReasons, 'chart.emergency.reason'),
      reasonText: codedText('chart.emergency.reason', emergencyTextLength.min, emergencyTextLength.max),
      key: z
        .custom<unknown>((value) => value !== undefined && value !== null, {
          params: { code: 'chart.emergency.key_required' },
        })
        .pipe(keyTouchSchema),
    }),
    output: grantViewSchema,
    permission: 'chart.read',
    writes: true,
  }),
  /** The auditor's queue of grants, newest first: waiting for a verdict, decided, or all. */
  'chartAccess.reviews': defineCall({
    input: z.strictObject({
      status: z.enum(['pending', 'reviewed', 'all']).default('pending'),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ items: z.array(reviewItemSchema), pending: z.number().int() }),
    permission: 'audit.read',
  }),
  /** The auditor's verdict on a grant, once; an unjustified one needs a note. */
  'chartAccess.review': defineCall({
    input: z
      .strictObject({
        id: rowIdSchema,
        verdict: z.enum(emergencyVerdicts),
        note: z.string().trim().max(noteLength.max).nullable().default(null),
      })
      .superRefine((value, ctx) => {
        if (value.verdict === 'unjustified' && (value.note === null || value.note.length < noteLength.min)) {
          ctx.addIssue({
            code: 'custom',
            path: ['note'],
            params: { code: 'chart.emergency.review_note', ...noteLength },
          });
        }
      }),
    output: reviewItemSchema,
    permission: 'audit.read',
    writes: true,
  }),
  /** How long a grant lasts on this desk (hours). */
  'chartAccess.settings': defineCall({
    input: z.strictObject({}),
    output: z.object({ emergencyHours: z.number().int() }),
    permission: 'session.read',
  }),
  /** The clinic's length of a grant, 1–72 hours (default 24). */
  'chartAccess.setEmergencyHours': defineCall({
    input: z.strictObject({
      hours: z.custom<number>(
        (value) =>
          Number.isInteger(value) &&
          (value as number) >= emergencyAccessHoursRange.min &&
          (value as number) <= emergencyAccessHoursRange.max,
        { params: { code: 'chart.emergency.hours', ...emergencyAccessHoursRange } },
      ),
    }),
    output: z.object({ emergencyHours: z.number().int() }),
    permission: 'settings.manage',
  }),
} as const;
