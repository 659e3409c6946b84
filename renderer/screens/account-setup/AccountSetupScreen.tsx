import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useSignedInName } from '../../app/actor-name';
import { useSessionControl, type Session } from '../../app/session';
import { AuthLayout } from '../../auth/AuthLayout';
import { ChangePasswordForm } from '../../auth/ChangePasswordForm';
import { KeyEnrolment } from '../../auth/KeyEnrolment';

/**
 * What a person must do before the desk opens (A1, A2): replace the password an admin set, then
 * enrol a key if they have none left (or signed in with a recovery code). The main process
 * refuses everything else until then; this screen only leads the way.
 */
export function AccountSetupScreen({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { apply, signOut } = useSessionControl();
  const name = useSignedInName();
  const actor = session.actor;
  const who = actor ? name(actor) : '';
  return (
    <AuthLayout
      title={session.mustChangePassword ? t('accountSetup.passwordTitle') : t('accountSetup.keyTitle')}
      maxWidth={560}
    >
      <Typography sx={{ mb: 1 }}>{t('accountSetup.greeting', { name: who })}</Typography>
      {session.mustChangePassword ? (
        <>
          <Alert severity="info" sx={{ mb: 2 }}>
            {t('accountSetup.passwordIntro')}
          </Alert>
          <ChangePasswordForm autoFocus onChanged={apply} />
        </>
      ) : (
        <>
          <Alert severity="info" sx={{ mb: 2 }}>
            {t('accountSetup.keyIntro')}
          </Alert>
          <KeyEnrolment staffId={actor?.id ?? ''} autoFocus onEnrolled={(enrolled) => apply(enrolled.session)} />
        </>
      )}
      <Box sx={{ mt: 3 }}>
        <Button variant="text" color="inherit" onClick={() => void signOut()}>
          {t('accountSetup.signOut')}
        </Button>
      </Box>
    </AuthLayout>
  );
}
