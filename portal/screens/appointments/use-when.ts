import { localDate } from '../../../shared/appointments/local-time';
import { useTexts } from '../../i18n/use-texts';
import { formatDay } from '../../ui/dates';
import { browserZone, clinicDay, differsFromClinic, visitWhen, zoneTime } from './visit-time';

/**
 * A visit's time in words, in the clinic's zone; when the browser's clock reads it otherwise the
 * zone is named and the patient's own time given: `…, 09:00–09:20 (по московскому времени; у вас 11:00)`.
 */
export function useWhen(): (startsAt: string, endsAt: string) => string {
  const { t, language } = useTexts();
  const zone = browserZone();
  return (startsAt, endsAt) => {
    const when = visitWhen(startsAt, endsAt, language);
    if (!differsFromClinic(startsAt, zone)) return when;
    const theirDay = localDate(startsAt, zone);
    const time = zoneTime(startsAt, zone);
    const theirs = theirDay === clinicDay(startsAt) ? time : `${formatDay(theirDay, language)}, ${time}`;
    return `${when} (${t('appointments.clinicZone')}; ${t('appointments.yourTime', { time: theirs })})`;
  };
}
