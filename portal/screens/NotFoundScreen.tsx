import Button from '@mui/material/Button';
import { Link as RouterLink } from 'react-router';
import { useTexts } from '../i18n/use-texts';
import { Page } from '../ui/Page';

export function NotFoundScreen() {
  const { t } = useTexts();
  return (
    <Page title={t('app.notFound')}>
      <Button component={RouterLink} to="/" variant="contained">
        {t('app.toStart')}
      </Button>
    </Page>
  );
}
