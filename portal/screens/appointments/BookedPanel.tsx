import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef } from 'react';
import { Link as RouterLink } from 'react-router';
import type { CabinetAppointment } from '../../../shared/cabinet/appointments-api';
import { useTexts } from '../../i18n/use-texts';
import { formBox } from '../../ui/form-box';
import { CalendarButton } from './CalendarButton';
import { appointmentsPath } from './paths';
import { useWhen } from './use-when';
import { VisitDetails } from './VisitDetails';

/** The booked (or moved) visit: what, when, where, «Добавить в календарь», and where to go next. */
export function BookedPanel({
  visit,
  replacesId,
  onAnother,
}: {
  visit: CabinetAppointment;
  /** A move: the booking the visit replaced. */
  replacesId: string | null;
  onAnother: () => void;
}) {
  const moved = replacesId !== null;
  const { t } = useTexts();
  const when = useWhen()(visit.startsAt, visit.endsAt);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Stack component="section" aria-labelledby="booked-title" spacing={2} sx={formBox}>
      <Alert severity="success" role="status">
        <AlertTitle>
          <Typography
            id="booked-title"
            ref={heading}
            tabIndex={-1}
            variant="h2"
            component="h2"
            sx={{ outline: 'none' }}
          >
            {t(moved ? 'booking.moved' : 'booking.booked')}
          </Typography>
        </AlertTitle>
        {t('booking.bookedText')}
      </Alert>
      <Typography variant="h3" component="p" sx={{ overflowWrap: 'anywhere' }}>
        {when}
      </Typography>
      <VisitDetails visit={visit} />
      <CalendarButton visit={visit} uid={replacesId ?? visit.id} />
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button component={RouterLink} to={appointmentsPath} variant="contained">
          {t('booking.toList')}
        </Button>
        {moved ? null : (
          <Button variant="text" onClick={onAnother}>
            {t('booking.another')}
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
