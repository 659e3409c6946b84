import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../shared/api/contract';
import type { ApiEnvelope } from '../../../shared/api/facade';
import type { ApiError } from '../../../shared/errors/app-error';
import { useApi } from '../../api/api-context';
import { useSessionControl, type Session } from '../../app/session';
import { AuthLayout } from '../../auth/AuthLayout';
import { KeyPrompt } from '../../auth/KeyPrompt';
import { cancelKeyRequest, type KeyProblem } from '../../auth/security-key';
import { useSecurityKey } from '../../auth/use-security-key';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { BackupCodeForm, type BackupMethod } from './BackupCodeForm';

type SecondStep = CallOutput<'auth.beginSignIn'>;
type Method = 'key' | BackupMethod;

function firstMethod(step: SecondStep): Method {
  if (step.publicKey) return 'key';
  if (step.otp) return 'otp';
  if (step.totp) return 'totp';
  return 'recovery';
}

/**
 * Signing in (A2): login and password, then at once the key's touch; a YubiKey's one-time
 * password, an authenticator app's code or a recovery code where the person has them. A wrong
 * answer at the second step spends the attempt, so it leads back to the password.
 */
export function SignInScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const { askKey } = useSecurityKey();
  const { apply } = useSessionControl();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [second, setSecond] = useState<SecondStep | null>(null);
  const [method, setMethodState] = useState<Method>('key');
  // Read by a key request that returns after the person chose another way: it is then ignored.
  const methodRef = useRef<Method>('key');
  const setMethod = (next: Method) => {
    methodRef.current = next;
    setMethodState(next);
    if (next !== 'key') cancelKeyRequest();
  };
  const [asking, setAsking] = useState(false);
  const [keyProblem, setKeyProblem] = useState<KeyProblem | null>(null);
  const passwordField = useRef<HTMLInputElement>(null);
  const loginField = useRef<HTMLInputElement>(null);
  // Back at the password (after a refusal, or to start over): the caret goes to it once it shows.
  const [passwordWanted, setPasswordWanted] = useState(0);
  useEffect(() => {
    if (passwordWanted > 0 && !second) passwordField.current?.focus();
  }, [passwordWanted, second]);

  function backToPassword(refusal: ApiError) {
    setError(refusal);
    setSecond(null);
    setPassword('');
    setKeyProblem(null);
    setPasswordWanted((count) => count + 1);
  }

  function settle(answer: ApiEnvelope<Session>) {
    if (answer.ok) apply(answer.data);
    else backToPassword(answer.error);
  }

  async function tryKey(step: SecondStep) {
    if (!step.publicKey) return;
    setMethod('key');
    setAsking(true);
    setKeyProblem(null);
    const outcome = await askKey(step.publicKey);
    setAsking(false);
    if (methodRef.current !== 'key') return;
    if (!outcome.ok) return setKeyProblem(outcome.problem);
    settle(await api.auth.finishSignIn({ attemptId: step.attemptId, answer: outcome.answer }));
  }

  async function submitPassword(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (login.trim() === '') return loginField.current?.focus();
    if (password === '') return passwordField.current?.focus();
    setBusy(true);
    setError(null);
    const answer = await api.auth.beginSignIn({ login: login.trim(), password });
    setBusy(false);
    if (!answer.ok) return backToPassword(answer.error);
    setSecond(answer.data);
    const chosen = firstMethod(answer.data);
    setMethod(chosen);
    if (chosen === 'key') void tryKey(answer.data);
  }

  async function submitBackup(chosen: BackupMethod, code: string) {
    if (!second) return;
    const attemptId = second.attemptId;
    if (chosen === 'otp') settle(await api.auth.finishSignInWithOtp({ attemptId, otp: code }));
    else if (chosen === 'totp') settle(await api.auth.finishSignInWithTotp({ attemptId, code }));
    else settle(await api.auth.finishSignInWithRecoveryCode({ attemptId, code }));
  }

  if (second) {
    const alternatives: Method[] = (['key', 'otp', 'totp', 'recovery'] as const).filter((candidate) => {
      if (candidate === method) return false;
      if (candidate === 'key') return second.publicKey !== null;
      if (candidate === 'otp') return second.otp;
      if (candidate === 'totp') return second.totp;
      return second.recoveryCodes;
    });
    return (
      <AuthLayout title={t('signIn.secondTitle')}>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {t('signIn.secondIntro', { login: login.trim() })}
        </Typography>
        {method === 'key' ? (
          <Box>
            <KeyPrompt asking={asking} problem={keyProblem} />
            {!asking && (
              <Button variant="contained" autoFocus onClick={() => void tryKey(second)}>
                {keyProblem ? t('key.retry') : t('key.ask')}
              </Button>
            )}
          </Box>
        ) : (
          <BackupCodeForm key={method} method={method} onSubmit={(code) => submitBackup(method, code)} />
        )}
        <Divider sx={{ my: 3 }} />
        <Box
          component="nav"
          aria-label={t('signIn.alternatives')}
          sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 0.5 }}
        >
          {alternatives.map((candidate) => (
            <Button
              key={candidate}
              variant="text"
              disabled={asking && candidate === 'key'}
              onClick={() => (candidate === 'key' ? void tryKey(second) : setMethod(candidate))}
            >
              {t(`signIn.use.${candidate}`)}
            </Button>
          ))}
          <Button
            variant="text"
            color="inherit"
            onClick={() => {
              setMethod('key');
              cancelKeyRequest();
              setSecond(null);
              setPassword('');
              setKeyProblem(null);
              setPasswordWanted((count) => count + 1);
            }}
          >
            {t('signIn.startOver')}
          </Button>
        </Box>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('signIn.title')}>
      <Box component="form" noValidate onSubmit={(event) => void submitPassword(event)}>
        {error && (
          <Box sx={{ mb: 2 }}>
            <ApiErrorAlert title={t('signIn.failed')} problems={[error]} />
          </Box>
        )}
        <TextField
          label={t('signIn.login')}
          fullWidth
          autoFocus={login === ''}
          inputRef={loginField}
          value={login}
          onChange={(event) => setLogin(event.target.value)}
          slotProps={{
            htmlInput: { autoComplete: 'username', spellCheck: false, autoCapitalize: 'none', maxLength: 200 },
          }}
          sx={{ mb: 2 }}
        />
        <TextField
          label={t('signIn.password')}
          type="password"
          fullWidth
          inputRef={passwordField}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          slotProps={{ htmlInput: { autoComplete: 'current-password', maxLength: 1000 } }}
          sx={{ mb: 2 }}
        />
        <Button type="submit" variant="contained" fullWidth disabled={busy}>
          {t('signIn.submit')}
        </Button>
      </Box>
    </AuthLayout>
  );
}
