import TextField from '@mui/material/TextField';
import { useController, useFormContext } from 'react-hook-form';
import { FieldMessage } from '../../../forms/FieldMessage';
import type { FieldProblem } from '../../../forms/field-problem';
import type { DigitMask } from '../../../forms/mask';
import { MaskedTextField } from '../../../forms/MaskedTextField';
import type { PatientFormField, PatientFormValues } from './patient-form-model';

type TextFieldName = Exclude<PatientFormField, 'sex'>;

interface Props {
  name: TextFieldName;
  label: string;
  problem: FieldProblem | undefined;
  onEdit: (name: TextFieldName) => void;
  required?: boolean;
  mask?: DigitMask;
  placeholder?: string;
  inputMode?: 'text' | 'numeric' | 'tel';
  autoFocus?: boolean;
}

/** One text box of the patient form, with its problem (and code) right under it. */
export function PatientTextField({ name, label, problem, onEdit, required = false, mask, placeholder, inputMode = 'text', autoFocus }: Props) {
  const { control } = useFormContext<PatientFormValues>();
  const { field } = useController({ control, name, rules: required ? { required: 'input.required' } : {} });
  const change = (value: string) => {
    field.onChange(value);
    onEdit(name);
  };
  const common = {
    name: field.name,
    label,
    required,
    placeholder,
    autoFocus,
    fullWidth: true,
    error: problem !== undefined,
    // A blank line keeps the form still when a message appears.
    helperText: problem ? <FieldMessage problem={problem} /> : ' ',
    inputRef: field.ref,
    onBlur: field.onBlur,
    slotProps: {
      inputLabel: { shrink: true },
      htmlInput: { inputMode, autoComplete: 'off', spellCheck: false, maxLength: mask ? mask.template.length : 100 },
    },
  };
  return mask ? (
    <MaskedTextField {...common} mask={mask} value={field.value} onChange={change} />
  ) : (
    <TextField {...common} value={field.value} onChange={(event) => change(event.target.value)} />
  );
}
