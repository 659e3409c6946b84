import TextField from '@mui/material/TextField';
import { addressMaxLength } from '../../../../shared/domain/address';
import { useController, useFormContext } from 'react-hook-form';
import { FieldMessage } from '../../../forms/FieldMessage';
import type { FieldProblem } from '../../../forms/field-problem';
import type { DigitMask } from '../../../forms/mask';
import { MaskedTextField } from '../../../forms/MaskedTextField';
import type { PatientFormValues, PatientTextFieldName as TextFieldName } from './patient-form-model';

/** As long as the main process lets each field be (the rest would be refused anyway). */
const maxLengths: Partial<Record<TextFieldName, number>> = { email: 320, address: addressMaxLength };

interface Props {
  name: TextFieldName;
  label: string;
  problem: FieldProblem | undefined;
  onEdit: (name: TextFieldName) => void;
  required?: boolean;
  mask?: DigitMask;
  placeholder?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  autoFocus?: boolean;
}

/** One text box of the patient form, with its problem (and code) right under it. */
export function PatientTextField({
  name,
  label,
  problem,
  onEdit,
  required = false,
  mask,
  placeholder,
  inputMode = 'text',
  autoFocus,
}: Props) {
  const { control } = useFormContext<PatientFormValues>();
  // Required and every other rule are the form model's checks (precheck), not react-hook-form's.
  const { field } = useController({ control, name });
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
      htmlInput: {
        inputMode,
        autoComplete: 'off',
        spellCheck: false,
        maxLength: mask ? mask.template.length : (maxLengths[name] ?? 100),
      },
    },
  };
  return mask ? (
    <MaskedTextField {...common} mask={mask} value={field.value} onChange={change} />
  ) : (
    <TextField {...common} value={field.value} onChange={(event) => change(event.target.value)} />
  );
}
