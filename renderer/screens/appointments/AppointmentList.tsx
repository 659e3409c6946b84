import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentView } from '../../../shared/api/appointments-calls';
import { appointmentTimes, appointmentWhen, statusColor, statusText } from './panel/appointment-text';

/**
 * Bookings as a list (the doctor's day, the card's tab): when, whose, what, its state; the row
 * opens the booking's panel; `extra` adds a row's own links (the chart).
 */
export function AppointmentList({
  items,
  label,
  show,
  onOpen,
  extra,
}: {
  items: readonly AppointmentView[];
  label: string;
  /** Whose: the specialist (the card, with the date) or the patient (the doctor's day, times only). */
  show: 'patient' | 'specialist';
  onOpen(appointment: AppointmentView): void;
  extra?(appointment: AppointmentView): ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <List aria-label={label}>
      {items.map((appointment) => (
        <ListItem key={appointment.id} disablePadding secondaryAction={extra?.(appointment)} divider>
          <ListItemButton onClick={() => onOpen(appointment)} sx={{ pr: extra ? 28 : 2 }}>
            <ListItemText
              primary={
                show === 'patient'
                  ? `${appointmentTimes(appointment)} · ${appointment.patientName}`
                  : `${appointmentWhen(appointment)} · ${appointment.specialistName}`
              }
              secondary={
                <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                  <span>
                    {appointment.serviceName}
                    {appointment.roomName ? ` · ${appointment.roomName}` : ''}
                    {appointment.mode === 'remote' ? ` · ${t('appointments.mode.remote')}` : ''}
                  </span>
                  <Chip
                    component="span"
                    size="small"
                    variant="outlined"
                    color={statusColor(appointment)}
                    label={statusText(t, appointment)}
                  />
                </Box>
              }
            />
          </ListItemButton>
        </ListItem>
      ))}
    </List>
  );
}
