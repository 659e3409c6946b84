import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { AppointmentView, ScheduleView } from '../../../../shared/api/appointments-calls';
import { useApiQuery } from '../../../api/use-api-query';
import { addDays } from '../calendar/clinic-time';
import { SlotList, type SlotView } from './SlotList';

/** A move refused because the time was taken: the nearest free times of that specialist, to move to instead. */
export function MoveAlternatives({
  appointment,
  specialistId,
  from,
  options,
  onPick,
}: {
  appointment: AppointmentView;
  specialistId: string;
  from: string;
  options: ScheduleView;
  onPick(slot: SlotView): void;
}) {
  const { t } = useTranslation();
  const found = useApiQuery(`move-alternatives:${appointment.id}:${specialistId}:${from}`, (api) =>
    api.appointments.slots({
      specialistId,
      serviceTypeId: appointment.serviceTypeId,
      from,
      to: addDays(from, 13),
      limit: 6,
    }),
  );
  if (found.status !== 'ok' || found.data.items.length === 0) return null;
  return (
    <Box component="section" aria-label={t('appointments.book.alternatives')} sx={{ mt: 1 }}>
      <Typography sx={{ fontWeight: 600 }}>{t('appointments.book.alternatives')}</Typography>
      <SlotList
        slots={found.data.items}
        options={options}
        label={t('appointments.book.alternatives')}
        onPick={onPick}
      />
    </Box>
  );
}
