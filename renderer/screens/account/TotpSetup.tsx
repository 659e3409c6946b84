import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/use-api-mutation';
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
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [code, setCode] = useState('');
  const starting = useApiMutation((api) => api.account.enrolTotp({ staffId }), {
    onSuccess: (pending) => {
      setCode('');
      setStage({ kind: 'pending', ...pending });
    },
  });
  const confirming = useApiMutation((api, typed: string) => api.account.confirmTotp({ staffId, code: typed }), {
    onSuccess: () => setStage({ kind: 'done' }),
  });
  const busy = starting.busy || confirming.busy;
  const error = starting.error ?? confirming.error;

  function start() {
    confirming.reset();
    void starting.run(undefined);
  }

  function confirm(event: FormEvent) {
    event.preventDefault();
    if (busy || code.trim() === '') return;
    starting.reset();
    void confirming.run(code.trim());
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
        <Box component="form" noValidate onSubmit={confirm} sx={{ maxWidth: 640 }}>
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
          <Button variant="outlined" disabled={busy} onClick={start}>
            {stage.kind === 'done' ? t('totp.restart') : t('totp.start')}
          </Button>
        </>
      )}
    </Box>
  );
}
