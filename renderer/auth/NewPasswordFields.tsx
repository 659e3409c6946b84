import TextField from '@mui/material/TextField';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldMessage } from '../forms/FieldMessage';
import type { FieldProblem } from '../forms/field-problem';
import { PasswordRules } from './PasswordRules';

interface Props {
  password: string;
  repeat: string;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
  /** The main process's verdict on the password (every unmet rule), if it refused it. */
  problem?: FieldProblem | undefined;
  /** The two repeat fields differ and the form was submitted. */
  mismatch: boolean;
  label?: string;
  autoFocus?: boolean;
}

/** A new password, typed twice, with the rules ticking as it is typed. */
export function NewPasswordFields({
  password,
  repeat,
  onPassword,
  onRepeat,
  problem,
  mismatch,
  label,
  autoFocus,
}: Props) {
  const { t } = useTranslation();
  const rulesId = useId();
  const fieldId = useId();
  return (
    <>
      <TextField
        id={fieldId}
        label={label ?? t('password.new')}
        type="password"
        required
        fullWidth
        autoFocus={autoFocus}
        value={password}
        onChange={(event) => onPassword(event.target.value)}
        error={problem !== undefined}
        helperText={problem ? <FieldMessage problem={problem} /> : undefined}
        // MUI names its helper text `${id}-helper-text`; the rules describe the field as well.
        slotProps={{
          htmlInput: {
            autoComplete: 'new-password',
            'aria-describedby': problem ? `${fieldId}-helper-text ${rulesId}` : rulesId,
          },
        }}
      />
      <PasswordRules password={password} id={rulesId} />
      <TextField
        label={t('password.repeat')}
        type="password"
        required
        fullWidth
        value={repeat}
        onChange={(event) => onRepeat(event.target.value)}
        error={mismatch}
        helperText={mismatch ? t('password.mismatch') : ' '}
        slotProps={{ htmlInput: { autoComplete: 'new-password' } }}
      />
    </>
  );
}
