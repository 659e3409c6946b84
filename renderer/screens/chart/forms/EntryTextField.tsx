import TextField from '@mui/material/TextField';
import { FieldMessage } from '../../../forms/FieldMessage';
import type { FieldProblem } from '../../../forms/field-problem';
import type { DigitMask } from '../../../forms/mask';
import { MaskedTextField } from '../../../forms/MaskedTextField';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  problem?: FieldProblem;
  required?: boolean;
  mask?: DigitMask;
  placeholder?: string;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'email';
  autoFocus?: boolean;
  /** A clinical text: several lines, Enter is a new line (Ctrl+Enter still saves). */
  multiline?: boolean;
  maxLength?: number;
  helper?: string;
}

/** One box of a chart form, its problem (and code) right under it. */
export function EntryTextField({
  label,
  value,
  onChange,
  problem,
  required = false,
  mask,
  placeholder,
  inputMode = 'text',
  autoFocus,
  multiline = false,
  maxLength = 500,
  helper,
}: Props) {
  const common = {
    label,
    required,
    placeholder,
    autoFocus,
    fullWidth: true,
    // Room between a two-line problem (words, code) and the label of the box under it.
    sx: { mb: 1.5 },
    error: problem !== undefined,
    // A blank line keeps the form still when a message appears.
    helperText: problem ? <FieldMessage problem={problem} /> : (helper ?? ' '),
    slotProps: {
      inputLabel: { shrink: true },
      htmlInput: {
        inputMode,
        autoComplete: 'off',
        spellCheck: multiline,
        maxLength: mask ? mask.template.length : maxLength,
      },
    },
  };
  if (mask) return <MaskedTextField {...common} mask={mask} value={value} onChange={onChange} />;
  return (
    <TextField
      {...common}
      multiline={multiline}
      minRows={multiline ? 2 : undefined}
      maxRows={multiline ? 8 : undefined}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
