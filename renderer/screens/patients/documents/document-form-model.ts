import { parseRussianDate } from '../../../../shared/domain/calendar-date';
import type { DocumentInput } from '../../../../shared/domain/documents/document-schema';
import type { DocumentTypeName, omsForms } from '../../../../shared/domain/documents/identity-document';
import { validateEnp } from '../../../../shared/domain/identifiers/enp';
import { validateSnils } from '../../../../shared/domain/identifiers/snils';
import { problemFromCode, type FieldProblem } from '../../../forms/field-problem';
import { isMaskComplete, onlyDigits, type DigitMask } from '../../../forms/mask';
import { snilsMask } from '../../../forms/masks';

export type OmsForm = (typeof omsForms)[number];

/** The add/replace dialog's fields, as typed (dates ДД.ММ.ГГГГ). */
export interface DocumentFormValues {
  type: DocumentTypeName;
  form: OmsForm;
  title: string;
  /** Passport: `45 25 123456`, series and number in one masked box. */
  passportNumber: string;
  number: string;
  series: string;
  issuer: string;
  issuerCode: string;
  issueDate: string;
  expiryDate: string;
  insurerCode: string;
  hasPhoto: boolean;
  hasSignature: boolean;
  damaged: boolean;
}

export type DocumentFormField = Exclude<keyof DocumentFormValues, 'type' | 'form'>;

export const emptyDocumentForm = (type: DocumentTypeName = 'passport'): DocumentFormValues => ({
  type,
  form: 'unified',
  title: '',
  passportNumber: '',
  number: '',
  series: '',
  issuer: '',
  issuerCode: '',
  issueDate: '',
  expiryDate: '',
  insurerCode: '',
  hasPhoto: true,
  hasSignature: true,
  damaged: false,
});

export const passportMask: DigitMask = { template: '__ __ ______', digits: onlyDigits };
export const licenceMask: DigitMask = { template: '__ __ ______', digits: onlyDigits };
export const issuerCodeMask: DigitMask = { template: '___-___', digits: onlyDigits };
export const enpMask: DigitMask = { template: '____ ____ ____ ____', digits: onlyDigits };

/** A typed date as the API takes it; what is not ДД.ММ.ГГГГ goes as typed, for the main process to name. */
const isoOf = (typed: string): string => parseRussianDate(typed) ?? typed;
const optionalIso = (typed: string): string | null => (typed.trim() === '' ? null : isoOf(typed));

/** The dialog's values as the contract's document. */
export function toDocumentInput(values: DocumentFormValues): DocumentInput {
  const condition = values.damaged ? ('damaged' as const) : ('intact' as const);
  const issueDate = isoOf(values.issueDate);
  switch (values.type) {
    case 'passport': {
      const digits = onlyDigits(values.passportNumber);
      return {
        type: 'passport',
        series: digits.slice(0, 4),
        number: digits.slice(4),
        issuerCode: values.issuerCode,
        issuer: values.issuer,
        issueDate,
        condition,
      };
    }
    case 'driving_licence':
      return {
        type: 'driving_licence',
        number: values.number,
        issueDate,
        expiryDate: isoOf(values.expiryDate),
        condition,
      };
    case 'snils':
      return { type: 'snils', number: values.number, issueDate: optionalIso(values.issueDate), condition };
    case 'oms_policy': {
      const common = { type: 'oms_policy' as const, insurerCode: values.insurerCode, issueDate, condition };
      if (values.form === 'temporary')
        return { ...common, form: 'temporary', number: values.number, expiryDate: isoOf(values.expiryDate) };
      if (values.form === 'old')
        return {
          ...common,
          form: 'old',
          series: values.series,
          number: values.number,
          expiryDate: optionalIso(values.expiryDate),
        };
      return { ...common, form: 'unified', number: values.number, expiryDate: optionalIso(values.expiryDate) };
    }
    case 'other_photo_id':
      return {
        type: 'other_photo_id',
        title: values.title,
        series: values.series,
        number: values.number,
        issuer: values.issuer,
        issueDate,
        expiryDate: optionalIso(values.expiryDate),
        hasPhoto: values.hasPhoto,
        hasSignature: values.hasSignature,
        condition,
      };
  }
}

/**
 * The form field an API issue belongs to: the contract names nested fields `document.number`
 * (or `replacement.number`); a passport's series and number share one box; a damaged document's
 * refusal belongs to its checkbox.
 */
export function formFieldOf(apiField: string | undefined, type: DocumentTypeName): DocumentFormField | undefined {
  const field = apiField?.replace(/^(?:document|replacement)\./, '');
  if (field === undefined) return undefined;
  if (type === 'passport' && (field === 'series' || field === 'number')) return 'passportNumber';
  if (field === 'condition') return 'damaged';
  const known: readonly string[] = [
    'title',
    'number',
    'series',
    'issuer',
    'issuerCode',
    'issueDate',
    'expiryDate',
    'insurerCode',
    'hasPhoto',
    'hasSignature',
  ];
  return known.includes(field) ? (field as DocumentFormField) : undefined;
}

/** A check digit that does not add up, shown as soon as the number is complete (UX: forms). */
export function precheckNumber(values: DocumentFormValues): FieldProblem | undefined {
  if (values.type === 'snils' && isMaskComplete(snilsMask, values.number)) {
    const code = validateSnils(onlyDigits(values.number));
    return code ? problemFromCode(code) : undefined;
  }
  if (values.type === 'oms_policy' && values.form === 'unified' && isMaskComplete(enpMask, values.number)) {
    const code = validateEnp(onlyDigits(values.number));
    return code ? problemFromCode(code) : undefined;
  }
  return undefined;
}
