import SearchIcon from '@mui/icons-material/Search';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import type { AppointmentView } from '../../../shared/api/appointments-calls';
import type { ApiError } from '../../../shared/errors/app-error';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { formatDateTime } from '../../format/date-time';
import { usePermissions } from '../../app/session';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { BookDialog, type BookingTarget } from './booking/BookDialog';
import { FindSlotDialog, type FindPreset } from './booking/FindSlotDialog';
import { MoveAlternatives } from './booking/MoveAlternatives';
import { BookingPanel } from './panel/BookingPanel';
import { CalendarGrid } from './calendar/CalendarGrid';
import type { CalendarColumn } from './calendar/calendar-model';
import { addDays, clinicToday, instantAt, russianDate } from './calendar/clinic-time';
import { buildCalendar, chosenResources, periodDates } from './calendar/columns';
import { ScheduleToolbar, type ScheduleViewState } from './ScheduleToolbar';
import { paramsFromView, viewFromParams } from './schedule-params';

/**
 * «Расписание» (E1, E2): the day or week of the clinic's specialists or rooms, bookings as blocks;
 * a free time opens the booking, a booking its panel; «Найти первое свободное» searches ahead.
 */
export function ScheduleScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const may = usePermissions();
  const mayWrite = may('appointments.write');
  // The view lives in the address (`?period=week&by=room&date=…`): a link or a reload opens the same view.
  const [params, setParams] = useSearchParams();
  const state = viewFromParams(params);
  const setState = (change: (prior: ScheduleViewState) => ScheduleViewState) =>
    setParams(paramsFromView(change(state)), { replace: true });
  const [version, setVersion] = useState(0);
  const [opened, setOpened] = useState<string | null>(null);
  const [finding, setFinding] = useState<FindPreset | null>(null);
  const [booking, setBooking] = useState<BookingTarget | null>(null);
  const [moveRequest, setMoveRequest] = useState<string | null>(null);
  const [moveProblem, setMoveProblem] = useState<{
    error: ApiError;
    appointment: AppointmentView;
    specialistId: string;
    date: string;
  } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const options = useApiQuery('appointments-options', (client) => client.appointments.options({}));
  const optionData = options.status === 'ok' ? options.data : null;
  const dates = useMemo(() => periodDates(state.period, state.date), [state.period, state.date]);
  const resources = useMemo(
    () => (optionData ? chosenResources(optionData, state.by, state.choice) : []),
    [optionData, state.by, state.choice],
  );
  const idsKey = resources.map((resource) => resource.id).join(',');
  const from = dates[0]!;
  const to = dates[dates.length - 1]!;
  const range = useApiQuery(
    `appointments-range:${from}:${to}:${state.by}:${idsKey}:${version}`,
    optionData && resources.length > 0
      ? (client) =>
          client.appointments.range({
            from,
            to,
            ...(state.choice === 'all'
              ? {}
              : state.by === 'specialist'
                ? { specialistIds: resources.map((resource) => resource.id) }
                : { roomIds: resources.map((resource) => resource.id) }),
          })
      : null,
  );
  const rangeData = range.status === 'ok' ? range.data : range.status === 'loading' ? range.previous : null;
  const calendar = useMemo(
    () =>
      rangeData
        ? buildCalendar(dates, state.by, resources, rangeData.days, rangeData.appointments, (weekday) =>
            t(`appointments.weekdays.${weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7}`),
          )
        : null,
    [rangeData, dates, state.by, resources, t],
  );

  const refresh = useCallback(() => setVersion((value) => value + 1), []);
  const onSlot = useCallback(
    (column: CalendarColumn, minute: number) => {
      if (!mayWrite) return;
      if (column.resourceKind === 'specialist') {
        setBooking({ specialistId: column.resourceId, startsAt: instantAt(column.date, minute), serviceTypeId: null });
      } else {
        setFinding({ from: column.date });
      }
    },
    [mayWrite],
  );
  const onMove = useCallback(
    (appointment: AppointmentView, column: CalendarColumn, minute: number) => {
      if (!mayWrite) return;
      setMoveProblem(null);
      const startsAt = instantAt(column.date, minute);
      const specialistId =
        column.resourceKind === 'specialist' && column.resourceId !== appointment.specialistId
          ? column.resourceId
          : undefined;
      void api.appointments
        .move({ appointmentId: appointment.id, startsAt, ...(specialistId ? { specialistId } : {}) })
        .then((answer) => {
          if (!answer.ok) {
            const whose = specialistId ?? appointment.specialistId;
            return setMoveProblem({ error: answer.error, appointment, specialistId: whose, date: column.date });
          }
          setNotice(t('appointments.move.done', { time: formatDateTime(startsAt) }));
          refresh();
        });
    },
    [api, mayWrite, refresh, t],
  );
  const onOpen = useCallback((appointment: AppointmentView) => setOpened(appointment.id), []);
  const takeMoveRequest = useCallback(() => setMoveRequest(null), []);

  const shift = (direction: 1 | -1) =>
    setState((prior) => ({ ...prior, date: addDays(prior.date, direction * (prior.period === 'day' ? 1 : 7)) }));

  return (
    <>
      <ScreenHeader
        title={t('appointments.title')}
        subtitle={t('appointments.subtitle')}
        action={
          mayWrite && (
            <Button variant="contained" startIcon={<SearchIcon />} onClick={() => setFinding({ from: state.date })}>
              {t('appointments.toolbar.findFree')}
            </Button>
          )
        }
      />
      {options.status === 'failed' ? (
        <ApiErrorAlert title={t('appointments.grid.loadFailed')} problems={[options.error]} />
      ) : !optionData ? (
        <Loading space={6} />
      ) : optionData.specialists.length === 0 && optionData.rooms.length === 0 ? (
        <EmptyState
          title={t('appointments.grid.nothing')}
          hint={t('appointments.grid.nothingHint')}
          action={
            may('schedules.manage') && (
              <Button component={RouterLink} to="/settings/schedules" variant="contained">
                {t('appointments.grid.toSetup')}
              </Button>
            )
          }
        />
      ) : (
        <>
          <ScheduleToolbar
            state={state}
            options={optionData}
            dates={dates}
            onChange={(next) => setState((prior) => ({ ...prior, ...next }))}
            onShift={shift}
            onToday={() => setState((prior) => ({ ...prior, date: clinicToday() }))}
          />
          {notice && (
            <Alert severity="success" onClose={() => setNotice(null)} sx={{ mb: 2 }}>
              {notice}
            </Alert>
          )}
          {moveProblem && (
            <ApiErrorAlert title={t('appointments.move.failed')} problems={[moveProblem.error]}>
              {moveProblem.error.code === 'appointments.slot.taken' && (
                <MoveAlternatives
                  appointment={moveProblem.appointment}
                  specialistId={moveProblem.specialistId}
                  from={moveProblem.date}
                  options={optionData}
                  onPick={(slot) => {
                    const { appointment } = moveProblem;
                    setMoveProblem(null);
                    void api.appointments
                      .move({ appointmentId: appointment.id, startsAt: slot.startsAt, specialistId: slot.specialistId })
                      .then((answer) => {
                        if (!answer.ok) return setMoveProblem({ ...moveProblem, error: answer.error });
                        setNotice(t('appointments.move.done', { time: formatDateTime(slot.startsAt) }));
                        refresh();
                      });
                  }}
                />
              )}
              <Button size="small" color="inherit" onClick={() => setMoveProblem(null)}>
                {t('common.close')}
              </Button>
            </ApiErrorAlert>
          )}
          {range.status === 'failed' ? (
            <ApiErrorAlert title={t('appointments.grid.loadFailed')} problems={[range.error]} />
          ) : !calendar ? (
            <Loading space={6} />
          ) : (
            <CalendarGrid
              columns={calendar.columns}
              items={calendar.items}
              range={calendar.range}
              label={t('appointments.grid.label', {
                range: from === to ? russianDate(from) : `${russianDate(from)} – ${russianDate(to)}`,
              })}
              onOpen={onOpen}
              onSlot={onSlot}
              onMove={onMove}
              moveRequest={moveRequest}
              onMoveRequestTaken={takeMoveRequest}
            />
          )}
        </>
      )}
      {opened && (
        <BookingPanel
          appointmentId={opened}
          onClose={() => setOpened(null)}
          onChanged={refresh}
          onMove={(id) => {
            setOpened(null);
            setMoveRequest(id);
          }}
          onOfferOther={(appointment) => {
            setOpened(null);
            setFinding({
              from: clinicToday(),
              specialistId: appointment.specialistId,
              serviceTypeId: appointment.serviceTypeId,
              patient: { id: appointment.patientId, name: appointment.patientName },
            });
          }}
        />
      )}
      {finding && optionData && (
        <FindSlotDialog
          options={optionData}
          preset={finding}
          onClose={() => setFinding(null)}
          onPick={(target) => {
            setFinding(null);
            setBooking(target);
          }}
        />
      )}
      {booking && optionData && (
        <BookDialog
          options={optionData}
          target={booking}
          onClose={() => setBooking(null)}
          onBooked={(appointment) => {
            setBooking(null);
            setNotice(t('appointments.book.done', { time: formatDateTime(appointment.startsAt) }));
            refresh();
          }}
        />
      )}
    </>
  );
}
