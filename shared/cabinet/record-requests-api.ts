import { z } from 'zod';
import {
  fileFormats,
  recordFormats,
  recordMaterialsSchema,
  recordRequestStatuses,
  type RecordFormat,
} from '../rights/record-requests';

/**
 * The cabinet's requests for one's records (issue 14, F3, seed §5.3), under `/api/cabinet`
 * (session cookie, CSRF on writes, `patient` stage). A request is asked in two steps: the draft
 * is checked and a one-time code goes to the account's confirmed phone or e-mail (nothing is
 * written but the code); the same draft with the code writes the request — its number, its
 * deadline of 5 working days. The draft stays with the page: the code is bound to the draft's
 * digest, so a code confirms only the draft it was sent for.
 */
export const cabinetRecordRequestPaths = {
  list: '/record-requests', // GET → { items: CabinetRecordRequest[] }; POST RecordRequestConfirm → 201 CabinetRecordRequestDetail
  draft: '/record-requests/draft', // POST RecordRequestDraft → RecordRequestCodeSent
  one: '/record-requests/:id', // GET → CabinetRecordRequestDetail
  file: '/record-requests/:id/files/:fileId', // GET → the file (attachment), while available
} as const;

const formatField = z.custom<RecordFormat>((value) => recordFormats.some((format) => format === value), {
  params: { code: 'records.request.format' },
});

/** The purpose in the patient's words: 3–1000 characters once trimmed. */
export const recordPurposeMin = 3;
export const recordPurposeMax = 1000;
const purposeField = z
  .custom<string>(
    (value) =>
      typeof value === 'string' && value.trim().length >= recordPurposeMin && value.trim().length <= recordPurposeMax,
    { params: { code: 'records.request.purpose', min: recordPurposeMin, max: recordPurposeMax } },
  )
  .transform((value) => value.trim());

/** What the patient asks: for whom (their own card unless a person they represent), why, what, in which formats. */
export const recordRequestDraftSchema = z
  .strictObject({
    /** A person the account acts for (GET /representation); absent: the account's own card. */
    patientId: z.uuid().optional(),
    purpose: purposeField,
    materials: recordMaterialsSchema,
    formats: z
      .array(formatField)
      .max(recordFormats.length * 2)
      .refine((formats) => formats.length > 0, { params: { code: 'records.request.format_none' } }),
    /** Where the confirmation code goes: the account's confirmed phone (default) or e-mail. */
    channel: z.enum(['sms', 'email']).default('sms'),
  })
  .superRefine((draft, ctx) => {
    const { from, to } = draft.materials;
    if (from !== undefined && to !== undefined && from > to)
      ctx.addIssue({ code: 'custom', path: ['materials', 'to'], params: { code: 'records.request.period' } });
  })
  .transform((draft) => ({
    ...draft,
    // One of each, in the product's order; «all» stands for every section.
    formats: recordFormats.filter((format) => draft.formats.includes(format)),
    materials: {
      ...draft.materials,
      sections: draft.materials.sections.includes('all')
        ? (['all'] as const).slice()
        : [...new Set(draft.materials.sections)],
    },
  }));
export type RecordRequestDraftInput = z.input<typeof recordRequestDraftSchema>;
export type RecordRequestDraft = z.output<typeof recordRequestDraftSchema>;

export const recordRequestCodeSentSchema = z.object({
  sentTo: z.string(),
  resendAfterSeconds: z.number().int().nonnegative(),
});
export type RecordRequestCodeSent = z.infer<typeof recordRequestCodeSentSchema>;

/** The confirmation: the same draft, and the code sent for it. */
export const recordRequestConfirmSchema = z.strictObject({
  draft: z.unknown(),
  code: z.string().trim().min(1).max(12),
});
export type RecordRequestConfirm = { draft: RecordRequestDraftInput; code: string };

export const cabinetRecordRequestSchema = z.object({
  id: z.string(),
  number: z.string(),
  patientId: z.string(),
  /** The person's name when the request is for someone the account represents; null for one's own. */
  forPerson: z.string().nullable(),
  purpose: z.string(),
  materials: recordMaterialsSchema,
  formats: z.array(z.enum(recordFormats)),
  status: z.enum(recordRequestStatuses),
  submittedAt: z.string(),
  /** The last day (ISO date) of the 5 working days. */
  dueOn: z.string(),
  /** Not done and past its last day. */
  overdue: z.boolean(),
  /** Files ready to download (0 until the request is done). */
  filesReady: z.number().int(),
  paperHandedAt: z.string().nullable(),
  fulfilledAt: z.string().nullable(),
  /** Until when the files may be downloaded (an instant); null before the request is done. */
  availableUntil: z.string().nullable(),
  /** Done and the download time is over. */
  expired: z.boolean(),
});
export type CabinetRecordRequest = z.infer<typeof cabinetRecordRequestSchema>;

export const cabinetRecordFileSchema = z.object({
  id: z.string(),
  format: z.enum(fileFormats),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** Some entries were withheld (restricted): the file says so and why. */
  withheld: z.boolean(),
});
export type CabinetRecordFile = z.infer<typeof cabinetRecordFileSchema>;

export const cabinetRecordRequestDetailSchema = z.object({
  request: cabinetRecordRequestSchema,
  /** The files, once the request is done (before: none is shown). */
  files: z.array(cabinetRecordFileSchema),
});
export type CabinetRecordRequestDetail = z.infer<typeof cabinetRecordRequestDetailSchema>;

export const cabinetRecordRequestListSchema = z.object({ items: z.array(cabinetRecordRequestSchema) });
