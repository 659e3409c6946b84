import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export type BackupMethod = 'otp' | 'totp' | 'recovery';

const maxLength: Record<BackupMethod, number> = { otp: 100, totp: 20, recovery: 40 };

/**
 * One code instead of the key's touch. A YubiKey types its one-time password into the focused
 * field and presses Enter itself, so the field takes the focus and Enter submits.
 */
export function BackupCodeForm({
  method,
  onSubmit,
}: {
  method: BackupMethod;
  onSubmit: (code: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const typed = code.trim();
    if (busy || typed === '') return;
    setBusy(true);
    await onSubmit(typed);
    setBusy(false);
  }

  return (
    <Box component="form" noValidate onSubmit={(event) => void submit(event)}>
      <TextField
        label={t(`signIn.code.${method}`)}
        helperText={t(`signIn.codeHint.${method}`)}
        fullWidth
        autoFocus
        value={code}
        onChange={(event) => setCode(event.target.value)}
        slotProps={{
          htmlInput: {
            autoComplete: method === 'totp' ? 'one-time-code' : 'off',
            inputMode: method === 'totp' ? 'numeric' : 'text',
            spellCheck: false,
            autoCapitalize: 'none',
            maxLength: maxLength[method],
          },
        }}
        sx={{ mb: 2 }}
      />
      <Button type="submit" variant="contained" disabled={busy}>
        {t('signIn.submitCode')}
      </Button>
    </Box>
  );
}
