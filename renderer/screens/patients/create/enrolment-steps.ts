import type { PatientFormField } from './patient-form-model';

/** The wizard's steps in the paper form's order: the person, then identifiers and contacts, then a last look. */
export const enrolmentSteps = [
  { id: 'person', fields: ['surname', 'name', 'patronymic', 'birthDate', 'sex', 'foreign'] },
  { id: 'contacts', fields: ['snils', 'inn', 'enp', 'phone', 'email', 'address'] },
  { id: 'review', fields: [] },
] as const satisfies readonly { id: string; fields: readonly PatientFormField[] }[];

export type EnrolmentStepId = (typeof enrolmentSteps)[number]['id'];
export const lastStep = enrolmentSteps.length - 1;

/** The index of the step that holds `field`. */
export function stepOf(field: PatientFormField): number {
  return enrolmentSteps.findIndex((step) => (step.fields as readonly PatientFormField[]).includes(field));
}
