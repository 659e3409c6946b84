import type { FieldIssue } from '../../errors/app-error';
import { formatRussianDate } from '../calendar-date';
import { addYears, passportValidUntil } from './document-dates';
import { documentSchema, type IdentityDocument } from './document-schema';

export interface ValidityContext {
  /** Today in the desk's time zone, ISO. */
  today: string;
  /** The holder's birth date, ISO, when known. */
  birthDate?: string | null;
}

/** The document's last valid day: as printed, or for a passport from the holder's age. */
export function documentValidUntil(document: IdentityDocument, birthDate?: string | null): string | null {
  if (document.type === 'passport') return birthDate ? passportValidUntil(birthDate, document.issueDate) : null;
  if (document.type === 'snils') return null;
  return document.expiryDate ?? null;
}

/**
 * The rules that need today's date or the holder's birth date (B3): issued not in the future,
 * not before birth, a passport not before 14, expiry not before issue, and not expired — an
 * expired document is refused with the date it expired. Dates in messages are ДД.ММ.ГГГГ.
 */
export function documentDateIssues(document: IdentityDocument, context: ValidityContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { today, birthDate } = context;
  const issued = document.issueDate;
  if (issued && issued > today) issues.push({ code: 'document.issue_date.future', field: 'issueDate' });
  else if (issued && birthDate && issued < birthDate) {
    issues.push({
      code: 'document.issue_date.before_birth',
      field: 'issueDate',
      params: { birthDate: formatRussianDate(birthDate) },
    });
  } else if (document.type === 'passport' && birthDate && document.issueDate < addYears(birthDate, 14)) {
    issues.push({
      code: 'document.passport.issued_too_young',
      field: 'issueDate',
      params: { minDate: formatRussianDate(addYears(birthDate, 14)) },
    });
  }
  const validUntil = documentValidUntil(document, birthDate);
  // A passport's end comes from the holder's age, so its error belongs to the issue date.
  const expiryField = document.type === 'passport' ? 'issueDate' : 'expiryDate';
  if (validUntil && issued && validUntil < issued)
    issues.push({ code: 'document.expiry.before_issue', field: expiryField });
  else if (validUntil && validUntil < today && !issues.some((issue) => issue.field === expiryField)) {
    issues.push({ code: 'document.expired', field: expiryField, params: { expiry: formatRussianDate(validUntil) } });
  }
  return issues;
}

/** `documentSchema` plus the date rules, for a form that knows today and the holder's birth date. */
export function documentSchemaOn(context: ValidityContext) {
  return documentSchema.superRefine((document, ctx) => {
    for (const issue of documentDateIssues(document, context)) {
      ctx.addIssue({
        code: 'custom',
        path: [issue.field],
        message: issue.code,
        params: { ...issue.params, code: issue.code },
      });
    }
  });
}
