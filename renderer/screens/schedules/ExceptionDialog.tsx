import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleView } from '../../../shared/api/appointments-calls';
import { exceptionKinds, type ExceptionKind, type ScheduleException } from '../../../shared/appointments/schedule';
import { useApiMutation } from '../../api/use-api-mutation';
import { FieldMessage } from '../../forms/FieldMessage';
import { problemFromCode } from '../../forms/field-problem';
import { SetupDialog } from './SetupDialog';
import { fieldsOf, orNull, type Problems } from './setup-fields';
import { MaskedField, isoFromTyped, typedFromIso } from './setup-inputs';

const fields = ['specialistId', 'kind', 'fromDate', 'toDate', 'starts', 'ends', 'note'] as const;
type Field = (typeof fields)[number];
const clinic = '__clinic__';

/** Leave, sickness, one-off hours or a closed day — of one specialist or of the whole clinic. */
export function ExceptionDialog({
  item,
  schedule,
  today,
  onClose,
  onSaved,
}: {
  item: ScheduleException | null;
  schedule: ScheduleView;
  today: string;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const [specialistId, setSpecialistId] = useState(
    item ? (item.specialistId ?? clinic) : (schedule.specialists[0]?.id ?? clinic),
  );
  const [kind, setKind] = useState<ExceptionKind>(item?.kind ?? 'leave');
  const [fromDate, setFromDate] = useState(typedFromIso(item?.fromDate ?? today));
  const [toDate, setToDate] = useState(typedFromIso(item?.toDate ?? today));
  const [starts, setStarts] = useState(item?.starts ?? '');
  const [ends, setEnds] = useState(item?.ends ?? '');
  const [note, setNote] = useState(item?.note ?? '');
  const save = useApiMutation(
    (api, input: Parameters<typeof api.schedules.saveException>[0]) => api.schedules.saveException(input),
    { fields: fieldsOf(fields), onSuccess: onSaved },
  );
  const problems = save.problems.byField as Problems<Field>;
  const helper = (field: Field) => (problems[field] ? <FieldMessage problem={problems[field]} /> : ' ');

  const submit = () => {
    const from = isoFromTyped(fromDate);
    const to = isoFromTyped(toDate);
    if (!from || !to) {
      save.showProblems({
        byField: {
          ...(!from ? { fromDate: problemFromCode('document.date.format') } : {}),
          ...(!to ? { toDate: problemFromCode('document.date.format') } : {}),
        },
      });
      return;
    }
    void save.run({
      ...(item ? { id: item.id } : {}),
      specialistId: specialistId === clinic ? null : specialistId,
      kind,
      fromDate: from,
      toDate: to,
      starts: kind === 'hours' ? orNull(starts) : null,
      ends: kind === 'hours' ? orNull(ends) : null,
      note: orNull(note),
    });
  };

  return (
    <SetupDialog
      title={t('schedules.exception.dialogTitle')}
      busy={save.busy}
      general={save.problems.general}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextField
        select
        fullWidth
        autoFocus
        label={t('schedules.exception.specialist')}
        value={specialistId}
        onChange={(event) => setSpecialistId(event.target.value)}
        error={problems.specialistId !== undefined}
        helperText={helper('specialistId')}
      >
        <MenuItem value={clinic}>{t('schedules.clinicWide')}</MenuItem>
        {schedule.specialists.map((specialist) => (
          <MenuItem key={specialist.id} value={specialist.id}>
            {specialist.displayName}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        fullWidth
        label={t('schedules.exception.kind')}
        value={kind}
        onChange={(event) => setKind(event.target.value as ExceptionKind)}
        error={problems.kind !== undefined}
        helperText={helper('kind')}
      >
        {exceptionKinds.map((option) => (
          <MenuItem key={option} value={option}>
            {t(`schedules.exception.kinds.${option}`)}
          </MenuItem>
        ))}
      </TextField>
      <Box sx={{ display: 'flex', gap: 2 }}>
        <MaskedField
          kind="date"
          required
          label={t('schedules.exception.fromDate')}
          placeholder={t('schedules.exception.datePlaceholder')}
          value={fromDate}
          onChange={(value) => {
            setFromDate(value);
            save.clearField('fromDate', 'toDate');
          }}
          error={problems.fromDate !== undefined}
          helperText={helper('fromDate')}
          sx={{ flex: 1 }}
        />
        <MaskedField
          kind="date"
          required
          label={t('schedules.exception.toDate')}
          placeholder={t('schedules.exception.datePlaceholder')}
          value={toDate}
          onChange={(value) => {
            setToDate(value);
            save.clearField('fromDate', 'toDate');
          }}
          error={problems.toDate !== undefined}
          helperText={helper('toDate')}
          sx={{ flex: 1 }}
        />
      </Box>
      {kind === 'hours' && (
        <Box sx={{ display: 'flex', gap: 2 }}>
          <MaskedField
            kind="time"
            required
            label={t('schedules.exception.starts')}
            value={starts}
            onChange={(value) => {
              setStarts(value);
              save.clearField('starts', 'ends');
            }}
            error={problems.starts !== undefined}
            helperText={helper('starts')}
            sx={{ flex: 1 }}
          />
          <MaskedField
            kind="time"
            required
            label={t('schedules.exception.ends')}
            value={ends}
            onChange={(value) => {
              setEnds(value);
              save.clearField('starts', 'ends');
            }}
            error={problems.ends !== undefined}
            helperText={helper('ends')}
            sx={{ flex: 1 }}
          />
        </Box>
      )}
      <TextField
        fullWidth
        label={t('schedules.exception.note')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={problems.note !== undefined}
        helperText={helper('note')}
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
    </SetupDialog>
  );
}
