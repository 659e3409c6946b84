import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useForm } from 'react-hook-form';
import type { ErrorCode } from '../../shared/errors/catalog';
import { codeResolver } from './code-resolver';
import { codeSchema } from './fields';
import { TextInput } from './TextInput';
import { useSubmit } from './use-submit';
import { RefusalAlert } from '../ui/RefusalAlert';

/** A one-time code's field and its button; the server's refusal (wrong, expired, used, locked) shows on the field. */
export function CodeForm({
  label,
  submitLabel,
  onCode,
  autoFocus = true,
  formatCode,
}: {
  label: string;
  submitLabel: string;
  onCode: (code: string) => Promise<void>;
  autoFocus?: boolean;
  /** The code the server gives a code that is not six digits (its feature's own, or `input.format`). */
  formatCode?: ErrorCode;
}) {
  const form = useForm<{ code: string }>({
    resolver: codeResolver(codeSchema(formatCode)),
    defaultValues: { code: '' },
  });
  const { run, busy, problems } = useSubmit(form, ['code']);
  const submit = form.handleSubmit((values) => run(() => onCode(values.code.trim())));
  return (
    <Stack component="form" noValidate spacing={2} onSubmit={submit}>
      <TextInput
        form={form}
        name="code"
        label={label}
        autoFocus={autoFocus}
        autoComplete="one-time-code"
        slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6 } }}
      />
      <RefusalAlert problems={problems} />
      <Button type="submit" variant="contained" disabled={busy}>
        {submitLabel}
      </Button>
    </Stack>
  );
}
