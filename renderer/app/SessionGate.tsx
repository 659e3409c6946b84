import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../auth/AuthLayout';
import { AccountSetupScreen } from '../screens/account-setup/AccountSetupScreen';
import { DbKeyUnlockScreen } from '../screens/db-key/DbKeyUnlockScreen';
import { FirstRunScreen } from '../screens/first-run/FirstRunScreen';
import { LockScreen } from '../screens/lock/LockScreen';
import { SignInScreen } from '../screens/sign-in/SignInScreen';
import { ApiErrorAlert } from '../ui/ApiErrorAlert';
import { DeskApp } from './DeskApp';
import { useSessionControl } from './session';

/**
 * Shows what the desk's session allows (A1–A4): the first run's set-up, the sign-in, the lock,
 * the account's unfinished set-up, or the desk itself. The main process decides; this follows.
 */
export function SessionGate() {
  const { t } = useTranslation();
  const { state, apply, generation } = useSessionControl();
  // The first run goes on past the account's creation (key, codes) although the session is active.
  const [firstRunOpen, setFirstRunOpen] = useState(false);

  const session = state.status === 'ok' ? state.data : state.status === 'loading' ? state.previous : null;
  if (state.status === 'failed' && state.error.code === 'db_key.locked') return <DbKeyUnlockScreen />;
  if (state.status === 'failed') {
    return (
      <AuthLayout title={t('status.hostProblemTitle')}>
        <ApiErrorAlert title={t('status.sessionAlertTitle')} problems={[state.error]}>
          {state.error.code === 'host.unauthorized' && <Box sx={{ mt: 1 }}>{t('status.reopenHint')}</Box>}
        </ApiErrorAlert>
      </AuthLayout>
    );
  }
  if (!session) {
    return (
      <Box
        sx={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: '100vh' }}
        role="status"
        aria-label={t('status.sessionLoading')}
      >
        <CircularProgress />
      </Box>
    );
  }
  if (session.state === 'first-run' || (firstRunOpen && session.state === 'active')) {
    return (
      <FirstRunScreen
        onStarted={() => setFirstRunOpen(true)}
        onDone={(finished) => {
          setFirstRunOpen(false);
          apply(finished);
        }}
      />
    );
  }
  if (session.state === 'signed-out') return <SignInScreen key={generation} />;
  if (session.state === 'locked') return <LockScreen session={session} />;
  if (session.mustChangePassword || session.mustEnrolKey) return <AccountSetupScreen session={session} />;
  return <DeskApp key={`${session.actor?.id ?? ''}:${generation}`} session={session} />;
}
