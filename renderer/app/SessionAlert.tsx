import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../ui/ApiErrorAlert';
import { useSession } from './session';

/**
 * When the desk cannot say who is signed in, nothing else will work either: say so above every
 * screen, and for a browser tab without the launch secret, how to get it.
 */
export function SessionAlert() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.status !== 'failed') return null;
  return (
    <Box sx={{ mb: 3 }}>
      <ApiErrorAlert title={t('status.sessionAlertTitle')} problems={[session.error]}>
        {session.error.code === 'host.unauthorized' && <Box sx={{ mt: 1 }}>{t('status.reopenHint')}</Box>}
      </ApiErrorAlert>
    </Box>
  );
}
