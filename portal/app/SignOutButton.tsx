import LogoutOutlined from '@mui/icons-material/LogoutOutlined';
import IconButton from '@mui/material/IconButton';
import { useNavigate } from 'react-router';
import { useSession } from '../api/session';
import { useTexts } from '../i18n/use-texts';

export function SignOutButton() {
  const { t } = useTexts();
  const { client, setMe } = useSession();
  const navigate = useNavigate();
  return (
    <IconButton
      color="inherit"
      aria-label={t('app.signOut')}
      title={t('app.signOut')}
      onClick={() => {
        void client
          .signOut()
          .catch(() => undefined)
          .finally(() => {
            setMe(null);
            void navigate('/sign-in');
          });
      }}
    >
      <LogoutOutlined />
    </IconButton>
  );
}
