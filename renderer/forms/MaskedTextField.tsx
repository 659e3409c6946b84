import TextField, { type TextFieldProps } from '@mui/material/TextField';
import type { ChangeEvent } from 'react';
import { applyMask, type DigitMask } from './mask';

type Props = Omit<TextFieldProps, 'value' | 'onChange'> & {
  mask: DigitMask;
  value: string;
  onChange: (value: string) => void;
};

/** A text field that formats digits as they are typed, keeping the caret where the clerk is. */
export function MaskedTextField({ mask, value, onChange, ...rest }: Props) {
  const handleChange = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const input = event.target;
    const next = applyMask(mask, input.value, input.selectionStart ?? input.value.length);
    // Writing the DOM value first means React sees no difference and leaves the caret alone.
    input.value = next.value;
    input.setSelectionRange(next.caret, next.caret);
    onChange(next.value);
  };
  return <TextField {...rest} value={value} onChange={handleChange} />;
}
