import TextField from '@mui/material/TextField';
import { FieldMessage } from '../../../forms/FieldMessage';
import type { FieldProblem } from '../../../forms/field-problem';
import type { DigitMask } from '../../../forms/mask';
import { MaskedTextField } from '../../../forms/MaskedTextField';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem?: FieldProblem;
  required?: boolean;
  mask?: DigitMask;
  placeholder?: string;
  inputMode?: 'text' | 'numeric';
  autoFocus?: boolean;
  maxLength?: number;
  /** Small, without the reserved blank line under it (a table cell). */
  dense?: boolean;
}

/** One text box of a document form, with its problem (and code) right under it. */
export function DocumentTextField({
  label,
  value,
  onChange,
  problem,
  required = false,
  mask,
  placeholder,
  inputMode = 'text',
  autoFocus,
  maxLength = 300,
  dense = false,
}: Props) {
  const common = {
    label,
    required,
    placeholder,
    autoFocus,
    fullWidth: true,
    error: problem !== undefined,
    // A blank line keeps the form still when a message appears.
    size: dense ? ('small' as const) : ('medium' as const),
    helperText: problem ? <FieldMessage problem={problem} /> : dense ? undefined : ' ',
    slotProps: {
      inputLabel: { shrink: true },
      htmlInput: {
        inputMode,
        autoComplete: 'off',
        spellCheck: false,
        maxLength: mask ? mask.template.length : maxLength,
      },
    },
  };
  return mask ? (
    <MaskedTextField {...common} mask={mask} value={value} onChange={onChange} />
  ) : (
    <TextField {...common} value={value} onChange={(event) => onChange(event.target.value)} />
  );
}
