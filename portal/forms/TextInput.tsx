import TextField, { type TextFieldProps } from '@mui/material/TextField';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { ProblemText } from '../ui/ProblemText';
import { readProblem } from './code-resolver';

type Props<T extends FieldValues> = {
  form: UseFormReturn<T>;
  name: Path<T>;
  label: string;
  help?: string;
} & Omit<TextFieldProps, 'name' | 'label' | 'error' | 'helperText' | 'form'>;

/** A labelled text field of a form: its problem under it in words, with the code in small print. */
export function TextInput<T extends FieldValues>({ form, name, label, help, ...rest }: Props<T>) {
  const { ref, ...field } = form.register(name);
  const found = readProblem(form.formState.errors[name] as { type?: unknown; message?: unknown } | undefined);
  return (
    <TextField
      {...rest}
      {...field}
      inputRef={ref}
      id={`field-${name}`}
      label={label}
      fullWidth
      error={found !== null}
      helperText={found ? <ProblemText problem={found} /> : help}
    />
  );
}
