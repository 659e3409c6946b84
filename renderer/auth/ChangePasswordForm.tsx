import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldMessage } from '../forms/FieldMessage';
import { handleFormKeys } from '../forms/keyboard-flow';
import { useApiMutation } from '../api/use-api-mutation';
import type { Session } from '../app/session';
import { ApiErrorAlert } from '../ui/ApiErrorAlert';
import { NewPasswordFields } from './NewPasswordFields';
import { sortNewPasswordRefusal, useNewPasswordForm } from './use-new-password-form';

/** The person's own password: the current one, then the new one twice. */
export function ChangePasswordForm({
  onChanged,
  autoFocus = false,
}: {
  onChanged: (session: Session) => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const mutation = useApiMutation(
    (api, input: { currentPassword: string; newPassword: string }) => api.account.changePassword(input),
    {
      // A wrong current password counts towards the lockout like a wrong sign-in.
      sort: (error) =>
        error.code === 'auth.failed' || error.code === 'auth.locked' || error.field === 'currentPassword'
          ? { byField: { currentPassword: error }, general: [] }
          : sortNewPasswordRefusal<'currentPassword'>([])(error),
      onSuccess: (session) => {
        setCurrent('');
        form.clear();
        onChanged(session);
      },
    },
  );
  const form = useNewPasswordForm(mutation);
  const currentProblem = mutation.problems.byField.currentPassword;
  const general = mutation.problems.general;

  function save(event?: FormEvent) {
    if (!mutation.busy && form.password === form.fields.repeat) mutation.clearField('currentPassword', 'password');
    void form.submit(event, { currentPassword: current, newPassword: form.password });
  }

  return (
    <Box
      component="form"
      noValidate
      onSubmit={save}
      onKeyDown={(event) => handleFormKeys(event, save)}
      sx={{ maxWidth: 480 }}
    >
      {general.length > 0 && (
        <Box sx={{ mb: 2 }}>
          <ApiErrorAlert title={t('password.changeFailed')} problems={general} />
        </Box>
      )}
      <TextField
        label={t('password.current')}
        type="password"
        required
        fullWidth
        autoFocus={autoFocus}
        value={current}
        onChange={(event) => setCurrent(event.target.value)}
        error={currentProblem !== undefined}
        helperText={currentProblem ? <FieldMessage problem={currentProblem} /> : ' '}
        slotProps={{ htmlInput: { autoComplete: 'current-password' } }}
      />
      <NewPasswordFields {...form.fields} />
      <Button type="submit" variant="contained" disabled={form.busy} sx={{ mt: 1 }}>
        {t('password.change')}
      </Button>
    </Box>
  );
}
