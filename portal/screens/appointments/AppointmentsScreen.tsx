import AddOutlined from '@mui/icons-material/AddOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { CabinetAppointment } from '../../../shared/cabinet/appointments-api';
import { useClient } from '../../api/session';
import { useLoaded } from '../../api/use-loaded';
import { useTexts } from '../../i18n/use-texts';
import { Busy } from '../../ui/Busy';
import { Page } from '../../ui/Page';
import { RefusalAlert } from '../../ui/RefusalAlert';
import { CancelDialog } from './CancelDialog';
import { bookPath } from './paths';
import { useWhen } from './use-when';
import { VisitCard } from './VisitCard';

const pastPage = 10;

/** «Записи»: «Записаться к врачу», the upcoming visits (soonest first) with their actions, the past ones. */
export function AppointmentsScreen() {
  const { t } = useTexts();
  const client = useClient();
  const when = useWhen();
  const load = useCallback(() => client.appointments.list(), [client]);
  const { data, problems, setData, reload } = useLoaded(load);
  const [attachingId, setAttachingId] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<CabinetAppointment | null>(null);
  const [cancelled, setCancelled] = useState<string | null>(null);
  const [pastShown, setPastShown] = useState(pastPage);
  const upcoming = data ? [...data.upcoming].sort((a, b) => a.startsAt.localeCompare(b.startsAt)) : [];
  const past = data ? [...data.past].sort((a, b) => b.startsAt.localeCompare(a.startsAt)) : [];
  const replace = (next: CabinetAppointment) =>
    data && setData({ ...data, upcoming: data.upcoming.map((item) => (item.id === next.id ? next : item)) });
  return (
    <Page title={t('appointments.title')} wide>
      <Typography color="text.secondary">{t('appointments.intro')}</Typography>
      <Button
        component={RouterLink}
        to={bookPath()}
        variant="contained"
        startIcon={<AddOutlined />}
        sx={{ alignSelf: 'flex-start' }}
      >
        {t('appointments.book')}
      </Button>
      {cancelled ? (
        <Alert severity="success" role="status" onClose={() => setCancelled(null)}>
          {t('appointments.cancelled', { when: cancelled })}
        </Alert>
      ) : null}
      <RefusalAlert problems={problems} />
      {data === undefined && problems.length === 0 ? <Busy label={t('appointments.loading')} /> : null}
      {data ? (
        <>
          <Stack component="section" aria-labelledby="upcoming-title" spacing={1.5}>
            <Typography id="upcoming-title" variant="h2">
              {t('appointments.upcoming')}
            </Typography>
            {upcoming.length === 0 ? (
              <Alert severity="info" variant="outlined">
                {t('appointments.noUpcoming')}
              </Alert>
            ) : (
              upcoming.map((visit) => (
                <VisitCard
                  key={visit.id}
                  visit={visit}
                  attaching={attachingId === visit.id}
                  onAttach={(open) => setAttachingId(open ? visit.id : null)}
                  onCancel={() => setCancelling(visit)}
                  onChange={replace}
                />
              ))
            )}
          </Stack>
          <Stack component="section" aria-labelledby="past-title" spacing={1.5}>
            <Typography id="past-title" variant="h2">
              {t('appointments.past')}
            </Typography>
            {past.length === 0 ? (
              <Typography color="text.secondary">{t('appointments.noPast')}</Typography>
            ) : (
              past
                .slice(0, pastShown)
                .map((visit) => (
                  <VisitCard
                    key={visit.id}
                    visit={visit}
                    attaching={false}
                    onAttach={() => undefined}
                    onCancel={() => undefined}
                    onChange={() => undefined}
                  />
                ))
            )}
            {past.length > pastShown ? (
              <Button onClick={() => setPastShown((shown) => shown + pastPage)} sx={{ alignSelf: 'flex-start' }}>
                {t('appointments.morePast')}
              </Button>
            ) : null}
          </Stack>
        </>
      ) : null}
      {cancelling ? (
        <CancelDialog
          visit={cancelling}
          onClose={() => setCancelling(null)}
          onCancelled={(visit) => {
            setCancelling(null);
            setCancelled(when(visit.startsAt, visit.endsAt));
            reload();
          }}
        />
      ) : null}
    </Page>
  );
}
