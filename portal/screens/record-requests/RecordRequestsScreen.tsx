import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import { useCallback } from 'react';
import { Link as RouterLink, useLocation } from 'react-router';
import type { CabinetRecordRequestDetail } from '../../../shared/cabinet/record-requests-api';
import { useClient } from '../../api/session';
import { useLoaded } from '../../api/use-loaded';
import { useTexts } from '../../i18n/use-texts';
import { Busy } from '../../ui/Busy';
import { formatDay } from '../../ui/dates';
import { Page } from '../../ui/Page';
import { RefusalAlert } from '../../ui/RefusalAlert';
import { RequestCard } from './RequestCard';

/** What the form hands the list after a request was made: its number and due day, said once. */
export interface MadeRequest {
  number: string;
  dueOn: string;
}

/**
 * «Запросы документов»: every request the account made, newest first — number, status, deadline
 * (overdue said in words), and the files of a fulfilled one to download until their last day.
 */
export function RecordRequestsScreen() {
  const { t, language } = useTexts();
  const client = useClient();
  const made = (useLocation().state as { made?: MadeRequest } | null)?.made;
  const load = useCallback(async (): Promise<CabinetRecordRequestDetail[]> => {
    const { items } = await client.recordRequests.list();
    // The files of fulfilled requests still available: one read each.
    return Promise.all(
      items.map((request) =>
        request.status === 'done' && !request.expired && request.filesReady > 0
          ? client.recordRequests.one(request.id)
          : Promise.resolve({ request, files: [] }),
      ),
    );
  }, [client]);
  const { data, problems } = useLoaded(load);
  return (
    <Page title={t('recordRequests.title')} wide>
      <Typography color="text.secondary">{t('recordRequests.intro')}</Typography>
      {made ? (
        <Alert severity="success" role="status">
          {t('recordRequests.form.done', { number: made.number, date: formatDay(made.dueOn, language) })}
        </Alert>
      ) : null}
      <Button
        component={RouterLink}
        to="/cabinet/record-requests/new"
        variant="contained"
        startIcon={<AddOutlined />}
        sx={{ alignSelf: 'flex-start' }}
      >
        {t('recordRequests.ask')}
      </Button>
      <RefusalAlert problems={problems} />
      {data === undefined && problems.length === 0 ? <Busy label={t('recordRequests.loading')} /> : null}
      {data && data.length === 0 ? (
        <Alert severity="info" variant="outlined">
          {t('recordRequests.none')}
        </Alert>
      ) : null}
      {data ? (
        <Stack spacing={1.5}>
          {data.map(({ request, files }) => (
            <RequestCard key={request.id} request={request} files={files} />
          ))}
        </Stack>
      ) : null}
    </Page>
  );
}
