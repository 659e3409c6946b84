import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/api/contract';
import { useApiMutation } from '../api/use-api-mutation';
import { ApiErrorAlert } from '../ui/ApiErrorAlert';

/**
 * Links a YubiKey (registered on the clinic's server) to a person for OTP sign-in: a name, then
 * one touch of the key, which types its one-time password into the focused field and presses
 * Enter itself.
 */
export function YubikeyOtpEnrolment({
  staffId,
  onEnrolled,
}: {
  staffId: string;
  onEnrolled: (key: CallOutput<'account.enrolYubikey'>) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('YubiKey');
  const [otp, setOtp] = useState('');
  const mutation = useApiMutation(
    (api, input: { name: string; otp: string }) => api.account.enrolYubikey({ staffId, ...input }),
    {
      onSuccess: onEnrolled,
    },
  );
  const error = mutation.error;

  async function enrol(event: FormEvent) {
    event.preventDefault();
    if (mutation.busy || otp.trim() === '') return;
    await mutation.run({ name: name.trim(), otp: otp.trim() });
    // A one-time password is spent either way: the field empties for the next touch.
    setOtp('');
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
      <Button type="submit" variant="contained" disabled={mutation.busy}>
        {t('yubikey.enrol')}
      </Button>
    </Box>
  );
}
