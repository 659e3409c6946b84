import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../forms/field-problem';
import { FieldMessage } from '../forms/FieldMessage';
import { handleFormKeys } from '../forms/keyboard-flow';
import { useApi } from '../api/api-context';
import type { Session } from '../app/session';
import { ApiErrorAlert } from '../ui/ApiErrorAlert';
import { NewPasswordFields, passwordProblem } from './NewPasswordFields';
import { useNewPasswordForm } from './use-new-password-form';

/** The person's own password: the current one, then the new one twice. */
export function ChangePasswordForm({ onChanged, autoFocus = false }: { onChanged: (session: Session) => void; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const [current, setCurrent] = useState('');
  const form = useNewPasswordForm();
  const [currentProblem, setCurrentProblem] = useState<FieldProblem | undefined>();
  const [general, setGeneral] = useState<FieldProblem | undefined>();

  async function save(event?: FormEvent) {
    const answer = await form.submit(event, () => {
      setCurrentProblem(undefined);
      form.setProblem(undefined);
      setGeneral(undefined);
      return api.account.changePassword({ currentPassword: current, newPassword: form.password });
    });
    if (!answer) return;
    if (answer.ok) {
      setCurrent('');
      form.clear();
      onChanged(answer.data);
      return;
    }
    const error = answer.error;
    // A wrong current password counts towards the lockout like a wrong sign-in.
    if (error.code === 'auth.failed' || error.code === 'auth.locked' || error.field === 'currentPassword') setCurrentProblem(error);
    else {
      const sorted = passwordProblem(error);
      form.setProblem(sorted.field);
      setGeneral(sorted.general);
    }
  }

  return (
    <Box component="form" noValidate onSubmit={(event) => void save(event)} onKeyDown={(event) => handleFormKeys(event, () => void save())} sx={{ maxWidth: 480 }}>
      {general && (
        <Box sx={{ mb: 2 }}>
          <ApiErrorAlert title={t('password.changeFailed')} problems={[general]} />
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
