import { z } from 'zod';
import { isCalendarDate } from './calendar-date';
import { fail, optionalText, text } from './field-rules';
import { validatePersonName } from './person-name';
import { personName, phoneText } from './patient';
import { proxyBases, proxyRelationships, recordSections } from './proxies';

/**
 * What the clerk submits to add a trusted person (B9). The rules that need only the form are
 * here; those that need the patient or today's date (age of consent, an expired power of
 * attorney) are the service's.
 */
const day = text(10).superRefine((value, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) fail(ctx, 'patient.birth_date.format');
  else if (!isCalendarDate(value)) fail(ctx, 'patient.birth_date.invalid');
});

const nameFields = ['surname', 'name', 'patronymic'] as const;
const dateFields = ['startsOn', 'endsOn', 'documentIssuedOn', 'documentExpiresOn'] as const;
/** A power of attorney names its number, issue date, expiry and issuer (a notary, an employer…). */
export const powerOfAttorneyFields = [
  'documentNumber',
  'documentIssuedOn',
  'documentExpiresOn',
  'documentIssuer',
] as const;

export const proxyDraftSchema = z
  .strictObject({
    patientId: z.uuid(),
    surname: personName(true),
    name: personName(true),
    patronymic: optionalText(personName(false)),
    foreign: z.boolean().default(false),
    birthDate: day,
    phone: optionalText(phoneText),
    relationship: z.enum(proxyRelationships),
    basis: z.enum(proxyBases),
    documentNumber: optionalText(text(100)),
    documentIssuedOn: optionalText(day),
    documentExpiresOn: optionalText(day),
    documentIssuer: optionalText(text(300)),
    scope: z.array(z.enum(recordSections)).max(recordSections.length),
    startsOn: day,
    endsOn: optionalText(day),
  })
  .superRefine((draft, ctx) => {
    const failed = new Set(ctx.issues.map((issue) => issue.path?.[0]));
    const refuse = (field: string, code: Parameters<typeof fail>[1], params?: Record<string, string>) => {
      if (!failed.has(field))
        ctx.addIssue({ code: 'custom', path: [field], message: code, params: { ...params, code } });
    };
    for (const field of nameFields) {
      const value = draft[field];
      if (value == null || failed.has(field)) continue;
      const code = validatePersonName(value, { foreign: draft.foreign });
      if (code) refuse(field, code);
    }
    if (draft.scope.length === 0) refuse('scope', 'proxy.scope.empty');
    else if (new Set(draft.scope).size !== draft.scope.length) refuse('scope', 'proxy.scope.repeated');
    if (draft.basis === 'parent_of_minor' && draft.relationship !== 'mother' && draft.relationship !== 'father') {
      refuse('relationship', 'proxy.relationship.not_parent');
    }
    // A malformed date is already refused; comparing it would only add misleading errors.
    const datesOk = !dateFields.some((field) => failed.has(field));
    if (draft.basis === 'power_of_attorney') {
      for (const field of powerOfAttorneyFields) if (draft[field] == null) refuse(field, 'proxy.poa.required');
      if (!datesOk) return;
      const { documentIssuedOn: issued, documentExpiresOn: expires } = draft;
      if (issued != null && expires != null && expires < issued)
        refuse('documentExpiresOn', 'proxy.poa.expires_before_issue');
      if (issued != null && draft.startsOn < issued) refuse('startsOn', 'proxy.period.before_issue', { date: issued });
      if (expires != null && draft.endsOn != null && draft.endsOn > expires)
        refuse('endsOn', 'proxy.period.after_expiry', { date: expires });
    }
    if (datesOk && draft.endsOn != null && draft.endsOn < draft.startsOn)
      refuse('endsOn', 'proxy.period.end_before_start');
  });
export type ProxyDraftInput = z.input<typeof proxyDraftSchema>;
export type ProxyDraft = z.output<typeof proxyDraftSchema>;
