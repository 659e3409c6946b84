import EventAvailableOutlined from '@mui/icons-material/EventAvailableOutlined';
import Button from '@mui/material/Button';
import type { CabinetAppointment } from '../../../shared/cabinet/appointments-api';
import { useTexts } from '../../i18n/use-texts';
import { calendarFile } from './calendar-file';
import { clinicDay } from './visit-time';

/**
 * «Добавить в календарь»: the visit's `.ics`, made here (the e-mail brings the server's), so the
 * phone's or the computer's calendar opens it. Its UID is the e-mail's (server/appointments/notices/
 * calendar-version.ts: the booking's id; a move keeps the replaced booking's), so the e-mail's
 * later versions update this event instead of adding a second.
 */
export function CalendarButton({ visit, uid }: { visit: CabinetAppointment; uid: string }) {
  const { t } = useTexts();
  const link = visit.videoLink ? new URL(visit.videoLink, window.location.origin).toString() : null;
  const ics = calendarFile(
    {
      uid,
      startsAt: visit.startsAt,
      endsAt: visit.endsAt,
      summary: t('booking.calendarSummary', { specialist: visit.specialistName }),
      location: visit.mode === 'remote' ? (link ?? t('appointments.video')) : visit.roomName,
      description: [visit.serviceName, visit.instructions].filter(Boolean).join('\n\n'),
      url: link,
    },
    new Date().toISOString(),
  );
  return (
    <Button
      component="a"
      href={`data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`}
      download={`appointment-${clinicDay(visit.startsAt)}.ics`}
      variant="outlined"
      startIcon={<EventAvailableOutlined />}
      sx={{ alignSelf: 'flex-start' }}
    >
      {t('booking.addToCalendar')}
    </Button>
  );
}
