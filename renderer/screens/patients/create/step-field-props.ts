import type { FieldProblem } from '../../../forms/field-problem';
import type { PatientFormField, PatientTextFieldName } from './patient-form-model';

/** What a wizard step needs to draw its fields: each text box's props, each field's problem. */
export interface StepFieldProps {
  field: (name: PatientTextFieldName) => {
    name: PatientTextFieldName;
    label: string;
    problem: FieldProblem | undefined;
    onEdit: (name: PatientTextFieldName) => void;
  };
  problemOf: (name: PatientFormField) => FieldProblem | undefined;
  onEdit: (name: PatientFormField) => void;
}
