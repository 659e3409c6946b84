import SearchOutlined from '@mui/icons-material/SearchOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Grid from '@mui/material/Grid';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { addDays } from '../../../shared/appointments/local-time';
import { maxSearchDays } from '../../../shared/appointments/schedule';
import type { CabinetBookingOptions, CabinetSlotQuery } from '../../../shared/cabinet/appointments-api';
import { isoDay } from '../../../shared/domain/calendar-date';
import { localize } from '../../../shared/errors/catalog';
import { useTexts } from '../../i18n/use-texts';
import { ProblemText } from '../../ui/ProblemText';
import { servicesFor, specialistsOf, type BookingTarget } from './booking-choices';
import { defaultRange, searchRange } from './search-range';

type Kind = BookingTarget['kind'];

export interface SearchStart {
  target: BookingTarget | null;
  serviceTypeId: string | null;
}

/**
 * Whom and what: a specialty (anyone of it) or one specialist, then only the services they offer,
 * then the days (the next two weeks unless changed, at most 31); «Показать свободное время» asks.
 * A move starts with the visit's own specialist and service chosen, and asks at once.
 */
export function SearchForm({
  options,
  start,
  busy,
  onSearch,
}: {
  options: CabinetBookingOptions;
  start: SearchStart | null;
  busy: boolean;
  onSearch: (query: CabinetSlotQuery) => void;
}) {
  const { t } = useTexts();
  const today = isoDay(new Date());
  const [kind, setKind] = useState<Kind>(start?.target?.kind ?? 'specialty');
  const [specialty, setSpecialty] = useState(start?.target?.kind === 'specialty' ? start.target.code : '');
  const [specialistId, setSpecialistId] = useState(start?.target?.kind === 'specialist' ? start.target.id : '');
  const [serviceTypeId, setServiceTypeId] = useState(start?.serviceTypeId ?? '');
  const [range, setRange] = useState(() => defaultRange(today));
  const [missing, setMissing] = useState(false);
  const [badRange, setBadRange] = useState(false);
  const target: BookingTarget | null =
    kind === 'specialty'
      ? specialty
        ? { kind, code: specialty }
        : null
      : specialistId
        ? { kind, id: specialistId }
        : null;
  const services = servicesFor(options, target);
  const specialists = [...options.specialists].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  // A service the new target does not offer is no longer chosen.
  const service = services.some((item) => item.id === serviceTypeId) ? serviceTypeId : '';

  const submit = () => {
    const days = searchRange(range, today);
    setBadRange(days === 'appointments.search.range');
    setMissing(!target || !service);
    if (!target || !service || days === 'appointments.search.range') return;
    onSearch({
      ...(target.kind === 'specialist' ? { specialistId: target.id } : { specialty: target.code }),
      serviceTypeId: service,
      from: days.from,
      to: days.to,
    });
  };
  // Once, when a move opens with its visit's choices: its times are asked for at once.
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current || !start?.target || !start.serviceTypeId) return;
    asked.current = true;
    submit();
  }, []);

  const rangeProblem = badRange
    ? { code: 'appointments.search.range', message: localize('appointments.search.range', { max: maxSearchDays }) }
    : null;
  return (
    <Stack
      component="form"
      noValidate
      spacing={2}
      aria-label={t('booking.title')}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <FormControl>
        <FormLabel id="booking-kind-label">{t('booking.whom')}</FormLabel>
        <RadioGroup
          aria-labelledby="booking-kind-label"
          value={kind}
          onChange={(event) => setKind(event.target.value as Kind)}
        >
          <FormControlLabel value="specialty" control={<Radio />} label={t('booking.bySpecialty')} />
          <FormControlLabel value="specialist" control={<Radio />} label={t('booking.bySpecialist')} />
        </RadioGroup>
      </FormControl>
      {kind === 'specialty' ? (
        <TextField
          id="booking-specialty"
          select
          label={t('booking.specialty')}
          value={specialty}
          onChange={(event) => setSpecialty(event.target.value)}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          fullWidth
        >
          <option value="" disabled>
            {t('booking.chooseSpecialty')}
          </option>
          {options.specialties
            .filter((item) => specialistsOf(options, item.code).length > 0)
            .map((item) => (
              <option key={item.code} value={item.code}>
                {item.name}
              </option>
            ))}
        </TextField>
      ) : (
        <TextField
          id="booking-specialist"
          select
          label={t('booking.specialist')}
          value={specialistId}
          onChange={(event) => setSpecialistId(event.target.value)}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          fullWidth
        >
          <option value="" disabled>
            {t('booking.chooseSpecialist')}
          </option>
          {specialists.map((item) => (
            <option key={item.id} value={item.id}>
              {[item.name, item.specialtyName ?? item.positionName].filter(Boolean).join(' — ')}
            </option>
          ))}
        </TextField>
      )}
      {target && services.length === 0 ? <Alert severity="info">{t('booking.noServices')}</Alert> : null}
      <TextField
        id="booking-service"
        select
        label={t('booking.service')}
        value={service}
        onChange={(event) => setServiceTypeId(event.target.value)}
        disabled={services.length === 0}
        slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        fullWidth
      >
        <option value="" disabled>
          {t('booking.chooseService')}
        </option>
        {services.map((item) => (
          <option key={item.id} value={item.id}>
            {t(item.mode === 'remote' ? 'booking.remoteOption' : 'booking.serviceOption', {
              name: item.name,
              minutes: item.durationMin,
            })}
          </option>
        ))}
      </TextField>
      <Grid container spacing={2}>
        <Grid size={{ xs: 6 }}>
          <TextField
            id="booking-from"
            type="date"
            label={t('booking.from')}
            value={range.from}
            onChange={(event) => setRange({ ...range, from: event.target.value })}
            error={badRange}
            slotProps={{
              inputLabel: { shrink: true },
              htmlInput: { min: today, 'aria-describedby': 'booking-range-help' },
            }}
            fullWidth
          />
        </Grid>
        <Grid size={{ xs: 6 }}>
          <TextField
            id="booking-to"
            type="date"
            label={t('booking.to')}
            value={range.to}
            onChange={(event) => setRange({ ...range, to: event.target.value })}
            error={badRange}
            slotProps={{
              inputLabel: { shrink: true },
              htmlInput: { min: today, max: addDays(today, 365), 'aria-describedby': 'booking-range-help' },
            }}
            fullWidth
          />
        </Grid>
        <Grid size={{ xs: 12 }} sx={{ mt: -1 }}>
          {rangeProblem ? (
            <Alert id="booking-range-help" severity="error" role="alert">
              <ProblemText problem={rangeProblem} />
            </Alert>
          ) : (
            <Typography id="booking-range-help" variant="body2" color="text.secondary">
              {t('booking.rangeHelp')}
            </Typography>
          )}
        </Grid>
      </Grid>
      {missing ? (
        <Alert severity="error" role="alert">
          {t('booking.needChoice')}
        </Alert>
      ) : null}
      <Button
        type="submit"
        variant="contained"
        startIcon={<SearchOutlined />}
        disabled={busy}
        sx={{ alignSelf: 'flex-start' }}
      >
        {t('booking.search')}
      </Button>
    </Stack>
  );
}
