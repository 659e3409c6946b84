import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/api/contract';
import type { ApiError } from '../../shared/errors/app-error';
import { useApi } from '../api/api-context';
import { ApiErrorAlert } from '../ui/ApiErrorAlert';

/**
 * Links a YubiKey (registered on the clinic's server) to a person for OTP sign-in: a name, then
 * one touch of the key, which types its one-time password into the focused field and presses
 * Enter itself.
 */
export function YubikeyOtpEnrolment({ staffId, onEnrolled }: { staffId: string; onEnrolled: (key: CallOutput<'account.enrolYubikey'>) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [name, setName] = useState('YubiKey');
  const [otp, setOtp] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function enrol(event: FormEvent) {
    event.preventDefault();
    if (busy || otp.trim() === '') return;
    setBusy(true);
    setError(null);
    const answer = await api.account.enrolYubikey({ staffId, name: name.trim(), otp: otp.trim() });
    setBusy(false);
    setOtp('');
    if (answer.ok) onEnrolled(answer.data);
    else setError(answer.error);
  }

  return (
    <Box component="form" noValidate onSubmit={(event) => void enrol(event)} sx={{ maxWidth: 480 }}>
      {error && (
        <Box sx={{ mb: 2 }}>
          <ApiErrorAlert title={t('yubikey.failed')} problems={[error]} />
        </Box>
      )}
      <TextField
        label={t('key.name')}
        fullWidth
        value={name}
        onChange={(event) => setName(event.target.value)}
        slotProps={{ htmlInput: { maxLength: 60, autoComplete: 'off' } }}
        sx={{ mb: 2 }}
      />
      <TextField
        label={t('yubikey.otp')}
        helperText={t('yubikey.otpHint')}
        fullWidth
        autoFocus
        value={otp}
        onChange={(event) => setOtp(event.target.value)}
        slotProps={{ htmlInput: { maxLength: 100, autoComplete: 'off', spellCheck: false, autoCapitalize: 'none' } }}
        sx={{ mb: 2 }}
      />
      <Button type="submit" variant="contained" disabled={busy}>
        {t('yubikey.enrol')}
      </Button>
    </Box>
  );
}
