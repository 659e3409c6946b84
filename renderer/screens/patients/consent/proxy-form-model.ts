import type { CallInput } from '../../../../shared/api/contract';
import { parseRussianDate } from '../../../../shared/domain/calendar-date';
import type { ProxyBasis, ProxyRelationship, RecordSection } from '../../../../shared/domain/proxies';

/** The trusted person form as typed: dates `ДД.ММ.ГГГГ`, the phone with its mask. */
export interface ProxyFormValues {
  surname: string;
  name: string;
  patronymic: string;
  foreign: boolean;
  birthDate: string;
  phone: string;
  relationship: ProxyRelationship;
  basis: ProxyBasis;
  documentNumber: string;
  documentIssuedOn: string;
  documentExpiresOn: string;
  documentIssuer: string;
  scope: RecordSection[];
  startsOn: string;
  endsOn: string;
}

export type ProxyFormField = Exclude<keyof ProxyFormValues, 'foreign'>;
export const proxyFormFields: readonly ProxyFormField[] = [
  'surname',
  'name',
  'patronymic',
  'birthDate',
  'phone',
  'relationship',
  'basis',
  'documentNumber',
  'documentIssuedOn',
  'documentExpiresOn',
  'documentIssuer',
  'scope',
  'startsOn',
  'endsOn',
];

export function emptyProxyForm(today: string): ProxyFormValues {
  return {
    surname: '',
    name: '',
    patronymic: '',
    foreign: false,
    birthDate: '',
    phone: '',
    relationship: 'mother',
    basis: 'parent_of_minor',
    documentNumber: '',
    documentIssuedOn: '',
    documentExpiresOn: '',
    documentIssuer: '',
    scope: [],
    startsOn: today,
    endsOn: '',
  };
}

/** A typed date as ISO when it is one; otherwise as typed, for the service to name the problem. */
const day = (typed: string) => parseRussianDate(typed) ?? typed;
const optionalDay = (typed: string) => (typed.trim() === '' ? null : day(typed));

export function toProxyInput(patientId: string, values: ProxyFormValues): CallInput<'proxies.add'> {
  const documents = values.basis !== 'parent_of_minor';
  return {
    patientId,
    surname: values.surname,
    name: values.name,
    patronymic: values.patronymic,
    foreign: values.foreign,
    birthDate: day(values.birthDate),
    phone: values.phone,
    relationship: values.relationship,
    basis: values.basis,
    documentNumber: documents ? values.documentNumber : null,
    documentIssuedOn: documents ? optionalDay(values.documentIssuedOn) : null,
    documentExpiresOn: documents ? optionalDay(values.documentExpiresOn) : null,
    documentIssuer: documents ? values.documentIssuer : null,
    scope: values.scope,
    startsOn: day(values.startsOn),
    endsOn: optionalDay(values.endsOn),
  };
}
