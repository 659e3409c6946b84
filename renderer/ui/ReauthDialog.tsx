import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/errors/app-error';
import { useApi } from '../api/api-context';
import { KeyPrompt } from '../auth/KeyPrompt';
import type { KeyProblem } from '../auth/security-key';
import { useSecurityKey } from '../auth/use-security-key';
import { ApiErrorAlert } from './ApiErrorAlert';

/**
 * Asked when a call answers `auth.reauth_required` (issue 10): the person types their password or
 * touches their key, and the call that asked is sent again. `onDone(false)`: they gave up.
 */
export function ReauthDialog({ open, onDone }: { open: boolean; onDone: (confirmed: boolean) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { askKey } = useSecurityKey();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<KeyProblem | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  function finish(confirmed: boolean) {
    setPassword('');
    setError(null);
    setProblem(null);
    onDone(confirmed);
  }

  async function attempt(send: () => Promise<boolean>) {
    if (busy) return;
    setBusy(true);
    setError(null);
    setProblem(null);
    try {
      if (await send()) finish(true);
    } finally {
      setAsking(false);
      setBusy(false);
    }
  }

  const withPassword = (event: FormEvent) => {
    event.preventDefault();
    void attempt(async () => {
      const answer = await api.auth.reauthenticate({ method: 'password', password });
      if (!answer.ok) setError(answer.error);
      return answer.ok;
    });
  };

  const withKey = () =>
    void attempt(async () => {
      const begun = await api.auth.beginReauthentication({});
      if (!begun.ok) {
        setError(begun.error);
        return false;
      }
      setAsking(true);
      const touched = await askKey(begun.data.publicKey);
      setAsking(false);
      if (!touched.ok) {
        setProblem(touched.problem);
        return false;
      }
      const answer = await api.auth.reauthenticate({
        method: 'key',
        attemptId: begun.data.attemptId,
        answer: touched.answer,
      });
      if (!answer.ok) setError(answer.error);
      return answer.ok;
    });

  return (
    <Dialog open={open} onClose={() => finish(false)} aria-labelledby="reauth-title" maxWidth="xs" fullWidth>
      <Box component="form" onSubmit={withPassword} noValidate>
        <DialogTitle id="reauth-title">{t('reauth.title')}</DialogTitle>
        <DialogContent>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {t('reauth.intro')}
          </Typography>
          {error && (
            <Box sx={{ mb: 2 }}>
              <ApiErrorAlert title={t('reauth.failed')} problems={[error]} />
            </Box>
          )}
          <KeyPrompt asking={asking} problem={problem} />
          <TextField
            label={t('reauth.password')}
            type="password"
            autoComplete="current-password"
            autoFocus
            fullWidth
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </DialogContent>
        <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
          <Button onClick={() => finish(false)}>{t('reauth.cancel')}</Button>
          <Button variant="outlined" disabled={busy} onClick={withKey}>
            {t('reauth.useKey')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy || password === ''}>
            {t('reauth.confirm')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
