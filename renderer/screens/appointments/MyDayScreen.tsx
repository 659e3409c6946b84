import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useApiQuery } from '../../api/use-api-query';
import { usePermissions } from '../../app/session';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { AppointmentList } from './AppointmentList';
import { addDays, clinicToday, russianDate } from './calendar/clinic-time';
import { BookingPanel } from './panel/BookingPanel';

/** «Мой день» (E2): the signed-in doctor's bookings of a day, their attachments, the patient's chart. */
export function MyDayScreen() {
  const { t } = useTranslation();
  const may = usePermissions();
  const [date, setDate] = useState(clinicToday);
  const [version, setVersion] = useState(0);
  const [opened, setOpened] = useState<string | null>(null);
  const day = useApiQuery(`appointments-mine:${date}:${version}`, (api) => api.appointments.mine({ date }));
  const data = day.status === 'ok' ? day.data : day.status === 'loading' ? day.previous : null;
  const items = (data?.appointments ?? []).filter((item) => item.status !== 'moved' && item.status !== 'cancelled');

  return (
    <>
      <ScreenHeader
        title={t('appointments.mine.title')}
        subtitle={t('appointments.mine.subtitle', { date: russianDate(date) })}
        action={
          <Box role="group" aria-label={t('appointments.toolbar.view')} sx={{ display: 'flex', alignItems: 'center' }}>
            <IconButton aria-label={t('appointments.toolbar.previous')} onClick={() => setDate(addDays(date, -1))}>
              <ChevronLeft />
            </IconButton>
            <Button onClick={() => setDate(clinicToday())}>{t('appointments.toolbar.today')}</Button>
            <IconButton aria-label={t('appointments.toolbar.next')} onClick={() => setDate(addDays(date, 1))}>
              <ChevronRight />
            </IconButton>
          </Box>
        }
      />
      {day.status === 'failed' ? (
        <ApiErrorAlert title={t('appointments.mine.loadFailed')} problems={[day.error]} />
      ) : !data ? (
        <Loading space={6} />
      ) : data.specialistId === null ? (
        <EmptyState title={t('appointments.mine.notSpecialist')} hint={t('appointments.mine.notSpecialistHint')} />
      ) : items.length === 0 ? (
        <EmptyState title={t('appointments.mine.empty')} hint={t('appointments.mine.emptyHint')} />
      ) : (
        <Paper variant="outlined">
          <AppointmentList
            items={items}
            label={t('appointments.mine.listLabel')}
            show="patient"
            onOpen={(appointment) => setOpened(appointment.id)}
            extra={(appointment) => (
              <Box sx={{ display: 'flex', gap: 1 }}>
                {appointment.attachmentCount > 0 && (
                  <Button size="small" onClick={() => setOpened(appointment.id)}>
                    {t('appointments.mine.attachments', { count: appointment.attachmentCount })}
                  </Button>
                )}
                {may('chart.read') && (
                  <Button
                    size="small"
                    variant="outlined"
                    component={RouterLink}
                    to={`/patients/${appointment.patientId}?tab=chart`}
                    aria-label={`${t('appointments.mine.chart')}: ${appointment.patientName}`}
                  >
                    {t('appointments.mine.chart')}
                  </Button>
                )}
              </Box>
            )}
          />
        </Paper>
      )}
      {opened && (
        <BookingPanel
          appointmentId={opened}
          onClose={() => setOpened(null)}
          onChanged={() => setVersion((value) => value + 1)}
          onOfferOther={() => setOpened(null)}
        />
      )}
    </>
  );
}
