import LockOutlined from '@mui/icons-material/LockOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/errors/app-error';
import { useApi } from '../../api/api-context';
import { useSignedInName } from '../../app/actor-name';
import { useSessionControl, type Session } from '../../app/session';
import { AuthLayout } from '../../auth/AuthLayout';
import { KeyPrompt } from '../../auth/KeyPrompt';
import type { KeyProblem } from '../../auth/security-key';
import { useSecurityKey } from '../../auth/use-security-key';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';

/**
 * The shared PC's lock (A4). The desk behind it is unmounted, not covered: no patient's data is
 * left in the page. The person comes back with a touch of their key; anyone else switches user,
 * which signs the person out.
 */
export function LockScreen({ session }: { session: Session }) {
  const { t } = useTranslation();
  const api = useApi();
  const { askKey } = useSecurityKey();
  const { apply, signOut } = useSessionControl();
  const name = useSignedInName();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<KeyProblem | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const actor = session.actor;

  async function unlock() {
    if (busy) return;
    setBusy(true);
    setError(null);
    setProblem(null);
    try {
      const begun = await api.auth.beginUnlock({});
      if (!begun.ok) return setError(begun.error);
      setAsking(true);
      const outcome = await askKey(begun.data.publicKey);
      setAsking(false);
      if (!outcome.ok) return setProblem(outcome.problem);
      const finished = await api.auth.finishUnlock({ attemptId: begun.data.attemptId, answer: outcome.answer });
      if (finished.ok) apply(finished.data);
      else setError(finished.error);
    } finally {
      setAsking(false);
      setBusy(false);
    }
  }

  return (
    <AuthLayout title={t('lock.title')}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 2 }}>
        <LockOutlined color="primary" aria-hidden />
        <Typography>
          {actor ? t('lock.who', { name: name(actor), role: t(`roles.${actor.role}`) }) : t('lock.nobody')}
        </Typography>
      </Box>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('lock.hint')}
      </Typography>
      {error && (
        <Box sx={{ mb: 2 }}>
          <ApiErrorAlert title={t('lock.failed')} problems={[error]} />
        </Box>
      )}
      <KeyPrompt asking={asking} problem={problem} />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <Button variant="contained" autoFocus disabled={busy} onClick={() => void unlock()}>
          {problem || error ? t('lock.retry') : t('lock.unlock')}
        </Button>
        <Button variant="outlined" onClick={() => void signOut()}>
          {t('lock.switchUser')}
        </Button>
      </Box>
    </AuthLayout>
  );
}
