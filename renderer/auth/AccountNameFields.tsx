import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../forms/field-problem';
import { FieldMessage } from '../forms/FieldMessage';

export interface AccountNameFieldsProps {
  login: string;
  displayName: string;
  onLogin(value: string): void;
  onDisplayName(value: string): void;
  problems: { login?: FieldProblem | undefined; displayName?: FieldProblem | undefined };
  /** The person types their own account (first run): the browser may offer to save the login. */
  own: boolean;
}

/** A new account's login and full name, with the main process's problems under each. */
export function AccountNameFields({
  login,
  displayName,
  onLogin,
  onDisplayName,
  problems,
  own,
}: AccountNameFieldsProps) {
  const { t } = useTranslation();
  const helper = (problem: FieldProblem | undefined, hint: string) =>
    problem ? <FieldMessage problem={problem} /> : hint;
  return (
    <>
      <TextField
        label={t('staff.fields.login')}
        required
        fullWidth
        autoFocus
        value={login}
        onChange={(event) => onLogin(event.target.value)}
        error={problems.login !== undefined}
        helperText={helper(problems.login, t('staff.loginHint'))}
        slotProps={{ htmlInput: { autoComplete: own ? 'username' : 'off', spellCheck: false, maxLength: 64 } }}
        sx={{ mt: own ? 0 : 1, mb: 2 }}
      />
      <TextField
        label={t('staff.fields.displayName')}
        required
        fullWidth
        value={displayName}
        onChange={(event) => onDisplayName(event.target.value)}
        error={problems.displayName !== undefined}
        helperText={helper(problems.displayName, t('staff.displayNameHint'))}
        slotProps={{ htmlInput: { autoComplete: own ? 'name' : 'off', maxLength: 100 } }}
        sx={{ mb: 2 }}
      />
    </>
  );
}
