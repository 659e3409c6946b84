import type { ChipProps } from '@mui/material/Chip';
import type { AppointmentStatus } from '../../../shared/appointments/schedule';

/** A status chip's colour: what holds is coloured, what is over is quiet. */
export const statusColour: Record<AppointmentStatus, ChipProps['color']> = {
  requested: 'warning',
  booked: 'primary',
  refused: 'error',
  cancelled: 'default',
  moved: 'default',
  arrived: 'success',
  no_show: 'default',
};
