import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleView } from '../../../../shared/api/appointments-calls';
import { maxSearchDays } from '../../../../shared/appointments/schedule';
import { formatRussianDate, isCalendarDate, parseRussianDate } from '../../../../shared/domain/calendar-date';
import { useApiMutation } from '../../../api/use-api-mutation';
import { FieldMessage } from '../../../forms/FieldMessage';
import { problemFromCode, type FieldProblem } from '../../../forms/field-problem';
import { handleFormKeys } from '../../../forms/keyboard-flow';
import { MaskedTextField } from '../../../forms/MaskedTextField';
import { dateMask } from '../../../forms/masks';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../../ui/DialogFormActions';
import { addDays } from '../calendar/clinic-time';
import type { BookingTarget, PatientRef } from './BookDialog';
import { SlotList, type SlotView } from './SlotList';

export interface FindPreset {
  from: string;
  specialistId?: string;
  specialtyCode?: string;
  serviceTypeId?: string;
  patient?: PatientRef;
}

type Field = 'specialistId' | 'specialtyCode' | 'serviceTypeId' | 'from';
const spans = [7, 14, maxSearchDays] as const;

/**
 * «Найти первое свободное» (E1): by specialty or specialist, a service, from a date — the free
 * times earliest first; a time picked goes on to the booking.
 */
export function FindSlotDialog({
  options,
  preset,
  onClose,
  onPick,
}: {
  options: ScheduleView;
  preset: FindPreset;
  onClose(): void;
  onPick(target: BookingTarget): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [by, setBy] = useState<'specialty' | 'specialist'>(preset.specialtyCode ? 'specialty' : 'specialist');
  const [specialistId, setSpecialistId] = useState(preset.specialistId ?? '');
  const [specialtyCode, setSpecialtyCode] = useState(preset.specialtyCode ?? '');
  const [serviceTypeId, setServiceTypeId] = useState(preset.serviceTypeId ?? '');
  const [from, setFrom] = useState(formatRussianDate(preset.from));
  const [days, setDays] = useState<number>(14);
  const [slots, setSlots] = useState<readonly SlotView[] | null>(null);
  const search = useApiMutation(
    (api, input: Parameters<typeof api.appointments.slots>[0]) => api.appointments.slots(input),
    {
      fields: ['specialistId', 'specialtyCode', 'serviceTypeId', 'from'] as const,
      onSuccess: (data) => setSlots(data.items),
    },
  );
  const problems = search.problems.byField as Partial<Record<Field, FieldProblem>>;
  const specialties = [
    ...new Map(
      options.specialists
        .filter((specialist) => specialist.active)
        .map((specialist) => [specialist.specialtyCode, specialist.specialtyName ?? specialist.specialtyCode]),
    ),
  ];
  const services = options.serviceTypes.filter((service) => service.active);
  const patientName = preset.patient?.name;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const fromIso = parseRussianDate(from);
    if (!fromIso || !isCalendarDate(fromIso)) {
      search.showProblems({ byField: { from: problemFromCode('document.date.format') } });
      return;
    }
    void search.run({
      ...(by === 'specialist'
        ? { specialistId: specialistId || undefined }
        : { specialtyCode: specialtyCode || undefined }),
      serviceTypeId,
      from: fromIso,
      to: addDays(fromIso, days - 1),
      limit: 30,
    });
  };
  const helper = (field: Field) => (problems[field] ? <FieldMessage problem={problems[field]} /> : ' ');
  /** A required choice of the search: its value, its problem, and the problem cleared on a change. */
  const choice = (field: Field, label: string, value: string, set: (value: string) => void) => ({
    select: true,
    fullWidth: true,
    required: true,
    label,
    value,
    onChange: (event: { target: { value: string } }) => {
      set(event.target.value);
      search.clearField(field);
    },
    error: problems[field] !== undefined,
    helperText: helper(field),
  });

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <Box component="form" noValidate onSubmit={submit} onKeyDown={(event) => handleFormKeys(event, submit)}>
        <DialogTitle id={titleId}>{t('appointments.find.title')}</DialogTitle>
        <DialogContent>
          {patientName && (
            <Typography sx={{ mb: 2 }}>{t('appointments.find.forPatient', { name: patientName })}</Typography>
          )}
          <RadioGroup
            row
            aria-label={t('appointments.find.by')}
            name="find-by"
            value={by}
            onChange={(event) => setBy(event.target.value as 'specialty' | 'specialist')}
          >
            <FormControlLabel value="specialist" control={<Radio />} label={t('appointments.find.bySpecialist')} />
            <FormControlLabel value="specialty" control={<Radio />} label={t('appointments.find.bySpecialty')} />
          </RadioGroup>
          {by === 'specialist' ? (
            <TextField
              {...choice('specialistId', t('appointments.find.specialist'), specialistId, setSpecialistId)}
              sx={{ mt: 1 }}
            >
              {options.specialists
                .filter((specialist) => specialist.active)
                .map((specialist) => (
                  <MenuItem key={specialist.id} value={specialist.id}>
                    {specialist.displayName}
                    {specialist.specialtyName ? ` — ${specialist.specialtyName}` : ''}
                  </MenuItem>
                ))}
            </TextField>
          ) : (
            <TextField
              {...choice('specialtyCode', t('appointments.find.specialty'), specialtyCode, setSpecialtyCode)}
              sx={{ mt: 1 }}
            >
              {specialties.map(([code, name]) => (
                <MenuItem key={code} value={code}>
                  {name}
                </MenuItem>
              ))}
            </TextField>
          )}
          <TextField {...choice('serviceTypeId', t('appointments.find.service'), serviceTypeId, setServiceTypeId)}>
            {services.map((service) => (
              <MenuItem key={service.id} value={service.id}>
                {service.name} · {t('appointments.find.minutes', { count: service.durationMin })}
              </MenuItem>
            ))}
          </TextField>
          <Box sx={{ display: 'flex', gap: 2 }}>
            <MaskedTextField
              mask={dateMask}
              label={t('appointments.find.from')}
              placeholder={t('appointments.find.fromPlaceholder')}
              value={from}
              onChange={(value) => {
                setFrom(value);
                search.clearField('from');
              }}
              required
              error={problems.from !== undefined}
              helperText={helper('from')}
              slotProps={{ htmlInput: { inputMode: 'numeric' }, inputLabel: { shrink: true } }}
              sx={{ flex: 1 }}
            />
            <TextField
              select
              label={t('appointments.find.days')}
              value={days}
              onChange={(event) => setDays(Number(event.target.value))}
              sx={{ width: 200 }}
            >
              {spans.map((span) => (
                <MenuItem key={span} value={span}>
                  {span}
                </MenuItem>
              ))}
            </TextField>
          </Box>
          {search.problems.general.length > 0 && (
            <ApiErrorAlert title={t('appointments.find.failed')} problems={search.problems.general} />
          )}
          {slots && (
            <Box component="section" aria-label={t('appointments.find.results')} sx={{ mt: 1 }}>
              <Typography variant="h3" sx={{ fontSize: '1rem', fontWeight: 600 }}>
                {t('appointments.find.results')}
              </Typography>
              {slots.length === 0 ? (
                <Typography color="text.secondary" sx={{ mt: 1 }}>
                  {t('appointments.find.none')}
                </Typography>
              ) : (
                <SlotList
                  slots={slots}
                  options={options}
                  label={t('appointments.find.results')}
                  onPick={(slot) =>
                    onPick({
                      specialistId: slot.specialistId,
                      startsAt: slot.startsAt,
                      serviceTypeId: slot.serviceTypeId,
                      ...(preset.patient ? { patient: preset.patient } : {}),
                    })
                  }
                />
              )}
            </Box>
          )}
        </DialogContent>
        <DialogFormActions onCancel={onClose} busy={search.busy} submitLabel={t('appointments.find.search')} />
      </Box>
    </Dialog>
  );
}
