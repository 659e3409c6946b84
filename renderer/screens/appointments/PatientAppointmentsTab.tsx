import EventIcon from '@mui/icons-material/EventAvailable';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../shared/domain/patient';
import { useApiQuery } from '../../api/use-api-query';
import { usePermissions } from '../../app/session';
import { fullName } from '../../format/person-name';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { SectionCard } from '../../ui/SectionCard';
import { AppointmentList } from './AppointmentList';
import { BookDialog, type BookingTarget } from './booking/BookDialog';
import { FindSlotDialog, type FindPreset } from './booking/FindSlotDialog';
import { clinicToday } from './calendar/clinic-time';
import { BookingPanel } from './panel/BookingPanel';

const upcomingStatuses = new Set(['requested', 'booked', 'refused']);

/** The card's «Записи» tab: the patient's upcoming and past bookings; «Записать» searches free times for them. */
export function PatientAppointmentsTab({ patient }: { patient: Patient }) {
  const { t } = useTranslation();
  const may = usePermissions();
  const [version, setVersion] = useState(0);
  const [opened, setOpened] = useState<string | null>(null);
  const [finding, setFinding] = useState<FindPreset | null>(null);
  const [booking, setBooking] = useState<BookingTarget | null>(null);
  const list = useApiQuery(`appointments-patient:${patient.id}:${version}`, (api) =>
    api.appointments.patient({ patientId: patient.id }),
  );
  const options = useApiQuery(
    'appointments-options',
    finding || booking ? (api) => api.appointments.options({}) : null,
  );
  const now = new Date().toISOString();
  const items = list.status === 'ok' ? list.data.items : [];
  const upcoming = items.filter((item) => item.endsAt >= now && upcomingStatuses.has(item.status));
  const past = items.filter((item) => !upcoming.includes(item));
  const me = { id: patient.id, name: fullName(patient) };
  const refresh = () => setVersion((value) => value + 1);

  return (
    <>
      {may('appointments.write') && (
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', mb: 2 }}>
          <Button
            variant="contained"
            startIcon={<EventIcon />}
            onClick={() => setFinding({ from: clinicToday(), patient: me })}
          >
            {t('appointments.card.book')}
          </Button>
        </Box>
      )}
      {list.status === 'failed' ? (
        <ApiErrorAlert title={t('appointments.card.loadFailed')} problems={[list.error]} />
      ) : list.status !== 'ok' ? (
        <Loading />
      ) : (
        <>
          <SectionCard title={t('appointments.card.upcoming')}>
            {upcoming.length === 0 ? (
              <Typography color="text.secondary">{t('appointments.card.noneUpcoming')}</Typography>
            ) : (
              <AppointmentList
                items={upcoming}
                label={t('appointments.card.upcoming')}
                show="specialist"
                onOpen={(item) => setOpened(item.id)}
              />
            )}
          </SectionCard>
          <SectionCard title={t('appointments.card.past')}>
            {past.length === 0 ? (
              <Typography color="text.secondary">{t('appointments.card.nonePast')}</Typography>
            ) : (
              <AppointmentList
                items={past}
                label={t('appointments.card.past')}
                show="specialist"
                onOpen={(item) => setOpened(item.id)}
              />
            )}
          </SectionCard>
        </>
      )}
      {opened && (
        <BookingPanel
          appointmentId={opened}
          onClose={() => setOpened(null)}
          onChanged={refresh}
          onOfferOther={(appointment) => {
            setOpened(null);
            setFinding({
              from: clinicToday(),
              specialistId: appointment.specialistId,
              serviceTypeId: appointment.serviceTypeId,
              patient: me,
            });
          }}
        />
      )}
      {finding && options.status === 'ok' && (
        <FindSlotDialog
          options={options.data}
          preset={finding}
          onClose={() => setFinding(null)}
          onPick={(target) => {
            setFinding(null);
            setBooking(target);
          }}
        />
      )}
      {booking && options.status === 'ok' && (
        <BookDialog
          options={options.data}
          target={booking}
          onClose={() => setBooking(null)}
          onBooked={() => {
            setBooking(null);
            refresh();
          }}
        />
      )}
    </>
  );
}
