import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { EmptyState } from '../../ui/EmptyState';

export function NotFoundScreen() {
  const { t } = useTranslation();
  return (
    <EmptyState
      headingLevel="h1"
      title={t('notFound.title')}
      hint={t('notFound.body')}
      action={
        <Button component={RouterLink} to="/patients" variant="contained">
          {t('notFound.back')}
        </Button>
      }
    />
  );
}
