import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentView, ScheduleView } from '../../../../shared/api/appointments-calls';
import type { PatientSummary } from '../../../../shared/domain/patient';
import { useApiMutation } from '../../../api/use-api-mutation';
import { useApiQuery } from '../../../api/use-api-query';
import { FieldMessage } from '../../../forms/FieldMessage';
import { problemFromCode } from '../../../forms/field-problem';
import { handleFormKeys } from '../../../forms/keyboard-flow';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../../ui/DialogFormActions';
import { addDays, localMoment, russianDate, timeOf } from '../calendar/clinic-time';
import { offeredServices } from './offered-services';
import { PatientPicker } from './PatientPicker';
import { SlotList } from './SlotList';

export interface PatientRef {
  id: string;
  name: string;
}

/** The time being booked; `serviceTypeId` null: a free time picked in the grid, the service chosen here. */
export interface BookingTarget {
  specialistId: string;
  startsAt: string;
  serviceTypeId: string | null;
  patient?: PatientRef;
}

type Field = 'patientId' | 'serviceTypeId' | 'note' | 'startsAt';

/**
 * The booking (E1): the time, the patient picked from the desk's search, a note, confirm. The
 * desk checks it by the server's rules at once; the server decides the slot when the request
 * reaches it («ожидает подтверждения» until then). A taken time offers the nearest free ones.
 */
export function BookDialog({
  options,
  target: initial,
  onClose,
  onBooked,
}: {
  options: ScheduleView;
  target: BookingTarget;
  onClose(): void;
  onBooked(appointment: AppointmentView): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [target, setTarget] = useState(initial);
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  // The services the specialist offers that day; the only one is chosen already.
  const [offered] = useState(() => offeredServices(options, initial.specialistId, localMoment(initial.startsAt).date));
  const [serviceTypeId, setServiceTypeId] = useState(
    initial.serviceTypeId ?? (offered.length === 1 ? offered[0]!.id : ''),
  );
  const [note, setNote] = useState('');
  const book = useApiMutation(
    (api, input: Parameters<typeof api.appointments.book>[0]) => api.appointments.book(input),
    { fields: ['patientId', 'serviceTypeId', 'note', 'startsAt'] as const, onSuccess: onBooked },
  );
  const problems = book.problems.byField as Partial<Record<Field, ReturnType<typeof problemFromCode>>>;
  const taken = book.error?.code === 'appointments.slot.taken';
  const startDate = localMoment(target.startsAt).date;
  const alternatives = useApiQuery(
    `alternatives:${target.specialistId}:${serviceTypeId}:${target.startsAt}`,
    taken && serviceTypeId
      ? (api) =>
          api.appointments.slots({
            specialistId: target.specialistId,
            serviceTypeId,
            from: startDate,
            to: addDays(startDate, 13),
            limit: 6,
          })
      : null,
  );

  const specialist = options.specialists.find((candidate) => candidate.id === target.specialistId);
  const service = options.serviceTypes.find((candidate) => candidate.id === serviceTypeId);
  const moment = localMoment(target.startsAt);
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const patientId = target.patient?.id ?? patient?.id;
    if (!patientId) {
      book.showProblems({ byField: { patientId: problemFromCode('input.required') } });
      return;
    }
    void book.run({
      patientId,
      specialistId: target.specialistId,
      serviceTypeId,
      startsAt: target.startsAt,
      note: note.trim() === '' ? null : note.trim(),
    });
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <Box component="form" noValidate onSubmit={submit} onKeyDown={(event) => handleFormKeys(event, submit)}>
        <DialogTitle id={titleId}>{t('appointments.book.title')}</DialogTitle>
        <DialogContent>
          <Typography sx={{ mb: 2, fontWeight: 500 }} aria-live="polite">
            {t('appointments.book.slot', {
              day: russianDate(moment.date),
              time: timeOf(moment.minute),
              specialist: specialist?.displayName ?? target.specialistId,
              service: service?.name ?? '—',
            })}
          </Typography>
          {initial.serviceTypeId === null && (
            <TextField
              select
              fullWidth
              required
              label={t('appointments.book.service')}
              value={serviceTypeId}
              onChange={(event) => {
                setServiceTypeId(event.target.value);
                book.clearField('serviceTypeId');
              }}
              error={problems.serviceTypeId !== undefined}
              helperText={problems.serviceTypeId ? <FieldMessage problem={problems.serviceTypeId} /> : ' '}
            >
              {offered.map((candidate) => (
                <MenuItem key={candidate.id} value={candidate.id}>
                  {candidate.name} · {t('appointments.find.minutes', { count: candidate.durationMin })}
                </MenuItem>
              ))}
            </TextField>
          )}
          {target.patient ? (
            <Typography sx={{ mb: 2 }}>
              {t('appointments.book.patient')}: <strong>{target.patient.name}</strong>
            </Typography>
          ) : (
            <PatientPicker
              value={patient}
              onPick={(picked) => {
                setPatient(picked);
                book.clearField('patientId');
              }}
              problem={problems.patientId}
              autoFocus={initial.serviceTypeId !== null}
            />
          )}
          <TextField
            fullWidth
            multiline
            minRows={2}
            label={t('appointments.book.note')}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            error={problems.note !== undefined}
            helperText={problems.note ? <FieldMessage problem={problems.note} /> : ' '}
            slotProps={{ htmlInput: { maxLength: 1000 } }}
          />
          {(book.problems.general.length > 0 || problems.startsAt) && (
            <ApiErrorAlert
              title={t('appointments.book.failed')}
              problems={[...book.problems.general, ...(problems.startsAt ? [problems.startsAt] : [])]}
            />
          )}
          {taken && alternatives.status === 'ok' && alternatives.data.items.length > 0 && (
            <Box component="section" aria-label={t('appointments.book.alternatives')} sx={{ mt: 2 }}>
              <Typography variant="h3" sx={{ fontSize: '1rem', fontWeight: 600 }}>
                {t('appointments.book.alternatives')}
              </Typography>
              <SlotList
                slots={alternatives.data.items}
                options={options}
                label={t('appointments.book.alternatives')}
                onPick={(slot) => {
                  setTarget((prior) => ({ ...prior, startsAt: slot.startsAt, specialistId: slot.specialistId }));
                  book.reset();
                }}
              />
            </Box>
          )}
        </DialogContent>
        <DialogFormActions onCancel={onClose} busy={book.busy} submitLabel={t('appointments.book.submit')} />
      </Box>
    </Dialog>
  );
}
