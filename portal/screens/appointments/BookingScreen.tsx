import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { holdMinutes } from '../../../shared/appointments/schedule';
import { localize } from '../../../shared/errors/catalog';
import { useClient } from '../../api/session';
import { useLoaded } from '../../api/use-loaded';
import { useTexts } from '../../i18n/use-texts';
import { Busy } from '../../ui/Busy';
import { Page } from '../../ui/Page';
import { ProblemText } from '../../ui/ProblemText';
import { RefusalAlert } from '../../ui/RefusalAlert';
import { movedFrom } from './booking-choices';
import { BookedPanel } from './BookedPanel';
import { HoldPanel } from './HoldPanel';
import { appointmentsPath } from './paths';
import { SearchForm } from './SearchForm';
import { SlotPicker } from './SlotPicker';
import { useBooking } from './use-booking';
import { useWhen } from './use-when';
import { browserZone, differsFromClinic } from './visit-time';

/**
 * «Записаться» (and a move, `?replaces=<id>`: the same flow, the old visit kept until the new one
 * is confirmed): whom and what → the free times by day → the held time → the booked visit.
 */
export function BookingScreen() {
  const { t } = useTexts();
  const client = useClient();
  const when = useWhen();
  const [params] = useSearchParams();
  const replacesId = params.get('replaces');
  const loadOptions = useCallback(() => client.appointments.options(), [client]);
  const loadVisits = useCallback(
    () => (replacesId ? client.appointments.list() : Promise.resolve(null)),
    [client, replacesId],
  );
  const options = useLoaded(loadOptions);
  const visits = useLoaded(loadVisits);
  const booking = useBooking(replacesId);
  const [round, setRound] = useState(0);
  const moving = replacesId ? visits.data?.upcoming.find((visit) => visit.id === replacesId) : undefined;
  const loading =
    (options.data === undefined && options.problems.length === 0) ||
    (replacesId !== null && visits.data === undefined && visits.problems.length === 0);
  const movingGone = replacesId !== null && visits.data !== undefined && (!moving || !moving.canChange);
  const { stage, query, slots, taken, lapsed, busy, problems } = booking;
  const withNames = query?.specialty !== undefined;
  // A refused or taken time is told above the list, which the patient may have scrolled far down.
  const told = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (taken || lapsed || problems.length > 0) told.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [taken, lapsed, problems]);
  return (
    <Page title={t(replacesId ? 'booking.moveTitle' : 'booking.title')} wide>
      <Link component={RouterLink} to={appointmentsPath} sx={{ alignSelf: 'flex-start' }}>
        {t('booking.toList')}
      </Link>
      {moving && stage.kind !== 'booked' ? (
        <Alert severity="info" variant="outlined">
          {t('booking.moving', { when: when(moving.startsAt, moving.endsAt), specialist: moving.specialistName })}
        </Alert>
      ) : null}
      <RefusalAlert problems={[...options.problems, ...visits.problems]} />
      {movingGone ? (
        <Alert severity="error" role="alert">
          <ProblemText problem={{ code: 'appointments.not_found', message: localize('appointments.not_found') }} />
        </Alert>
      ) : null}
      {loading ? <Busy label={t('booking.loading')} /> : null}
      {options.data && options.data.services.length === 0 ? (
        <Alert severity="info" variant="outlined">
          {t('booking.closed')}
        </Alert>
      ) : null}
      {options.data && options.data.services.length > 0 && !loading && !movingGone ? (
        <>
          {stage.kind === 'search' ? (
            <>
              <SearchForm
                key={round}
                options={options.data}
                start={moving ? movedFrom(options.data, moving) : null}
                busy={busy !== null}
                onSearch={(next) => void booking.search(next)}
              />
              <div ref={told} style={{ scrollMarginTop: 80 }} />
              {lapsed ? <RefusalAlert problems={[lapsed]} /> : null}
              <RefusalAlert problems={problems} />
              {taken ? (
                <Stack component="section" aria-labelledby="taken-title" spacing={1.5}>
                  <Alert severity="warning" role="alert">
                    <ProblemText problem={taken} />
                  </Alert>
                  <Typography id="taken-title" variant="h2">
                    {t('booking.alternatives')}
                  </Typography>
                  {taken.alternatives.length === 0 ? (
                    <Typography>{t('booking.noAlternatives')}</Typography>
                  ) : (
                    <SlotPicker
                      slots={taken.alternatives}
                      withNames={withNames || new Set(taken.alternatives.map((slot) => slot.specialistId)).size > 1}
                      disabled={busy !== null}
                      idPrefix="alternatives"
                      onPick={(slot) => void booking.pick(slot)}
                    />
                  )}
                </Stack>
              ) : null}
              {busy === 'search' ? <Busy label={t('booking.searching')} /> : null}
              {busy === 'hold' ? <Busy label={t('booking.holding')} /> : null}
              {slots && busy !== 'search' ? (
                <Stack component="section" aria-labelledby="slots-title" spacing={1.5}>
                  <Typography id="slots-title" variant="h2">
                    {t('booking.results')}
                  </Typography>
                  {slots.length === 0 ? (
                    <Alert severity="info" variant="outlined">
                      {t('booking.none')}
                    </Alert>
                  ) : (
                    <>
                      <Typography color="text.secondary">
                        {t('booking.found', { count: slots.length, minutes: holdMinutes })}
                        {differsFromClinic(slots[0]!.startsAt, browserZone()) ? ` ${t('booking.inClinicZone')}` : ''}
                      </Typography>
                      <SlotPicker
                        slots={slots}
                        withNames={withNames}
                        disabled={busy !== null}
                        idPrefix="slots"
                        onPick={(slot) => void booking.pick(slot)}
                      />
                    </>
                  )}
                </Stack>
              ) : null}
            </>
          ) : null}
          {stage.kind === 'held' ? (
            <HoldPanel
              slot={stage.slot}
              deadline={stage.deadline}
              options={options.data}
              moving={replacesId !== null}
              busy={busy === 'confirm'}
              problems={problems}
              onConfirm={(note) => void booking.confirm(note)}
              onBack={booking.back}
            />
          ) : null}
          {stage.kind === 'booked' ? (
            <BookedPanel
              visit={stage.visit}
              replacesId={replacesId}
              onAnother={() => {
                booking.reset();
                setRound((value) => value + 1);
              }}
            />
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
