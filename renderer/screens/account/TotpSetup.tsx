import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/errors/app-error';
import { useApi } from '../../api/api-context';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { CommandLine } from '../../ui/CommandLine';

type Stage = { kind: 'idle' } | { kind: 'pending'; secret: string; uri: string } | { kind: 'done' };

/** The secret in groups of four, as an authenticator app asks for it to be typed. */
function grouped(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/**
 * An authenticator app as a backup to the key (A2): a new secret, typed or pasted into the app,
 * stays pending until a code from the app confirms it.
 */
export function TotpSetup({ staffId }: { staffId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function start() {
    setBusy(true);
    setError(null);
    const answer = await api.account.enrolTotp({ staffId });
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    setCode('');
    setStage({ kind: 'pending', ...answer.data });
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (busy || code.trim() === '') return;
    setBusy(true);
    setError(null);
    const answer = await api.account.confirmTotp({ staffId, code: code.trim() });
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    setStage({ kind: 'done' });
  }

  return (
    <Box>
      {error && (
        <Box sx={{ mb: 2 }}>
          <ApiErrorAlert title={t('totp.failed')} problems={[error]} />
        </Box>
      )}
      {stage.kind === 'done' && (
        <Alert severity="success" sx={{ mb: 2 }}>
          {t('totp.done')}
        </Alert>
      )}
      {stage.kind === 'pending' ? (
        <Box component="form" noValidate onSubmit={(event) => void confirm(event)} sx={{ maxWidth: 640 }}>
          <Typography sx={{ mb: 1 }}>{t('totp.step1')}</Typography>
          <Typography color="text.secondary">{t('totp.secret')}</Typography>
          <CommandLine command={grouped(stage.secret)} />
          <Typography color="text.secondary" sx={{ mt: 2 }}>
            {t('totp.uri')}
          </Typography>
          <CommandLine command={stage.uri} />
          <Typography sx={{ mt: 2, mb: 1 }}>{t('totp.step2')}</Typography>
          <TextField
            label={t('totp.code')}
            required
            autoFocus
            value={code}
            onChange={(event) => setCode(event.target.value)}
            slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'one-time-code', maxLength: 20 } }}
          />
          <Box sx={{ mt: 2, display: 'flex', gap: 2 }}>
            <Button type="submit" variant="contained" disabled={busy}>
              {t('totp.confirm')}
            </Button>
            <Button onClick={() => setStage({ kind: 'idle' })}>{t('common.cancel')}</Button>
          </Box>
        </Box>
      ) : (
        <>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {t('totp.intro')}
          </Typography>
          <Button variant="outlined" disabled={busy} onClick={() => void start()}>
            {stage.kind === 'done' ? t('totp.restart') : t('totp.start')}
          </Button>
        </>
      )}
    </Box>
  );
}
