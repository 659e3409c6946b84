import PersonAddOutlined from '@mui/icons-material/PersonAddOutlined';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useSearch } from '../../../search/search-context';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { EmptyState } from '../../../ui/EmptyState';
import { ScreenHeader } from '../../../ui/ScreenHeader';
import { PatientResultsTable } from './PatientResultsTable';

/** The patients section: the top search's matches in full, and the way to a new patient. */
export function PatientListScreen() {
  const { t } = useTranslation();
  const { query, result } = useSearch();
  const trimmed = query.trim();

  let body;
  if (result.status === 'idle' || trimmed === '') {
    body = <EmptyState title={t('patients.list.startTitle')} hint={t('patients.list.startHint')} />;
  } else if (result.status === 'failed') {
    body = <ApiErrorAlert title={t('search.failedTitle')} problems={[result.error]} />;
  } else {
    const answer = result.status === 'ok' ? result.data : result.previous;
    if (!answer) {
      body = (
        <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
          <CircularProgress aria-label={t('search.searching')} />
        </Box>
      );
    } else if (answer.items.length === 0) {
      body = (
        <EmptyState title={t('patients.list.emptyTitle', { query: trimmed })} hint={t('patients.list.emptyHint')} />
      );
    } else {
      body = (
        <>
          <PatientResultsTable patients={answer.items} stale={result.status === 'loading'} />
          {answer.more && (
            <Typography color="text.secondary" sx={{ mt: 2 }}>
              {t('patients.list.more', { count: answer.items.length })}
            </Typography>
          )}
        </>
      );
    }
  }

  return (
    <>
      <ScreenHeader
        title={t('patients.list.title')}
        action={
          <Button component={RouterLink} to="/patients/new" variant="contained" startIcon={<PersonAddOutlined />}>
            {t('patients.list.create')}
          </Button>
        }
      />
      {body}
    </>
  );
}
