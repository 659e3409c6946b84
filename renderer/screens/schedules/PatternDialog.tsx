import AddIcon from '@mui/icons-material/Add';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleView } from '../../../shared/api/appointments-calls';
import type { WorkPattern } from '../../../shared/appointments/schedule';
import { useApiMutation } from '../../api/use-api-mutation';
import { FieldMessage } from '../../forms/FieldMessage';
import { problemFromCode } from '../../forms/field-problem';
import { SetupDialog } from './SetupDialog';
import { fieldsOf, orNull, type Problems } from './setup-fields';
import { MaskedField, isoFromTyped, typedFromIso } from './setup-inputs';

const fields = [
  'specialistId',
  'roomId',
  'weekday',
  'starts',
  'ends',
  'breaks',
  'serviceTypeIds',
  'validFrom',
  'validTo',
] as const;
type Field = (typeof fields)[number];
const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** A specialist's hours on one weekday: start, end, breaks, the services offered, the dates it holds. */
export function PatternDialog({
  item,
  schedule,
  today,
  onClose,
  onSaved,
}: {
  item: WorkPattern | null;
  schedule: ScheduleView;
  today: string;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const [specialistId, setSpecialistId] = useState(item?.specialistId ?? schedule.specialists[0]?.id ?? '');
  const [roomId, setRoomId] = useState(item?.roomId ?? '');
  const [weekday, setWeekday] = useState<number>(item?.weekday ?? 1);
  const [starts, setStarts] = useState(item?.starts ?? '09:00');
  const [ends, setEnds] = useState(item?.ends ?? '18:00');
  const [breaks, setBreaks] = useState(item?.breaks ?? [{ starts: '13:00', ends: '14:00' }]);
  const [services, setServices] = useState<string[]>(item?.serviceTypeIds ?? []);
  const [validFrom, setValidFrom] = useState(typedFromIso(item?.validFrom ?? today));
  const [validTo, setValidTo] = useState(typedFromIso(item?.validTo));
  const save = useApiMutation(
    (api, input: Parameters<typeof api.schedules.savePattern>[0]) => api.schedules.savePattern(input),
    { fields: fieldsOf(fields), onSuccess: onSaved },
  );
  const problems = save.problems.byField as Problems<Field>;
  const helper = (field: Field, hint = ' ') => (problems[field] ? <FieldMessage problem={problems[field]} /> : hint);

  const submit = () => {
    const from = isoFromTyped(validFrom);
    const to = validTo.trim() === '' ? null : isoFromTyped(validTo);
    if (!from || to === undefined) {
      save.showProblems({
        byField: {
          ...(!from ? { validFrom: problemFromCode('document.date.format') } : {}),
          ...(to === undefined ? { validTo: problemFromCode('document.date.format') } : {}),
        },
      });
      return;
    }
    void save.run({
      ...(item ? { id: item.id } : {}),
      specialistId,
      roomId: orNull(roomId),
      weekday,
      starts,
      ends,
      breaks,
      serviceTypeIds: services.length === 0 ? null : services,
      validFrom: from,
      validTo: to,
    });
  };

  return (
    <SetupDialog
      title={t('schedules.pattern.dialogTitle')}
      busy={save.busy}
      general={save.problems.general}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextField
        select
        fullWidth
        required
        autoFocus
        label={t('schedules.pattern.specialist')}
        value={specialistId}
        onChange={(event) => setSpecialistId(event.target.value)}
        error={problems.specialistId !== undefined}
        helperText={helper('specialistId')}
      >
        {schedule.specialists.map((specialist) => (
          <MenuItem key={specialist.id} value={specialist.id}>
            {specialist.displayName}
          </MenuItem>
        ))}
      </TextField>
      <Box sx={{ display: 'flex', gap: 2 }}>
        <TextField
          select
          label={t('schedules.pattern.weekday')}
          value={weekday}
          onChange={(event) => setWeekday(Number(event.target.value))}
          error={problems.weekday !== undefined}
          helperText={helper('weekday')}
          sx={{ flex: 2 }}
        >
          {weekdays.map((day) => (
            <MenuItem key={day} value={day}>
              {t(`schedules.weekdays.${day}`)}
            </MenuItem>
          ))}
        </TextField>
        <MaskedField
          kind="time"
          required
          label={t('schedules.pattern.starts')}
          placeholder={t('schedules.pattern.timePlaceholder')}
          value={starts}
          onChange={(value) => {
            setStarts(value);
            save.clearField('starts', 'ends');
          }}
          error={problems.starts !== undefined}
          helperText=" "
          sx={{ flex: 1 }}
        />
        <MaskedField
          kind="time"
          required
          label={t('schedules.pattern.ends')}
          placeholder={t('schedules.pattern.timePlaceholder')}
          value={ends}
          onChange={(value) => {
            setEnds(value);
            save.clearField('starts', 'ends');
          }}
          error={problems.ends !== undefined}
          helperText=" "
          sx={{ flex: 1 }}
        />
      </Box>
      {(problems.starts ?? problems.ends) && (
        <FormHelperText error sx={{ mt: -2, mb: 2 }}>
          <FieldMessage problem={(problems.starts ?? problems.ends)!} />
        </FormHelperText>
      )}
      <Box role="group" aria-label={t('schedules.pattern.breaks')} sx={{ mb: 1 }}>
        <Typography variant="subtitle2" sx={{ mb: 1 }}>
          {t('schedules.pattern.breaks')}
        </Typography>
        {breaks.map((pause, index) => (
          <Box key={index} sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 1 }}>
            <MaskedField
              kind="time"
              size="small"
              label={t('schedules.pattern.breakStarts')}
              value={pause.starts}
              onChange={(value) => {
                setBreaks(breaks.map((other, at) => (at === index ? { ...other, starts: value } : other)));
                save.clearField('breaks');
              }}
            />
            <MaskedField
              kind="time"
              size="small"
              label={t('schedules.pattern.breakEnds')}
              value={pause.ends}
              onChange={(value) => {
                setBreaks(breaks.map((other, at) => (at === index ? { ...other, ends: value } : other)));
                save.clearField('breaks');
              }}
            />
            <IconButton
              aria-label={t('schedules.pattern.removeBreak', { number: index + 1 })}
              onClick={() => setBreaks(breaks.filter((_other, at) => at !== index))}
            >
              <DeleteOutlined />
            </IconButton>
          </Box>
        ))}
        <Button
          size="small"
          startIcon={<AddIcon />}
          onClick={() => setBreaks([...breaks, { starts: '', ends: '' }])}
          disabled={breaks.length >= 10}
        >
          {t('schedules.pattern.addBreak')}
        </Button>
        <FormHelperText error={problems.breaks !== undefined}>{helper('breaks')}</FormHelperText>
      </Box>
      <TextField
        select
        fullWidth
        label={t('schedules.pattern.room')}
        value={roomId}
        onChange={(event) => setRoomId(event.target.value)}
        error={problems.roomId !== undefined}
        helperText={helper('roomId')}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      >
        <MenuItem value="">{t('schedules.ownRoom')}</MenuItem>
        {schedule.rooms.map((room) => (
          <MenuItem key={room.id} value={room.id}>
            {room.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        fullWidth
        label={t('schedules.pattern.services')}
        value={services}
        onChange={(event) => {
          const value = event.target.value as unknown as string[] | string;
          setServices(typeof value === 'string' ? value.split(',') : value);
        }}
        error={problems.serviceTypeIds !== undefined}
        helperText={helper('serviceTypeIds')}
        slotProps={{
          select: {
            multiple: true,
            displayEmpty: true,
            renderValue: (selected) => {
              const ids = selected as string[];
              if (ids.length === 0) return t('schedules.allServices');
              return ids.map((id) => schedule.serviceTypes.find((service) => service.id === id)?.name ?? id).join(', ');
            },
          },
          inputLabel: { shrink: true },
        }}
      >
        {schedule.serviceTypes.map((service) => (
          <MenuItem key={service.id} value={service.id}>
            {service.name}
          </MenuItem>
        ))}
      </TextField>
      <Box sx={{ display: 'flex', gap: 2 }}>
        <MaskedField
          kind="date"
          required
          label={t('schedules.pattern.validFrom')}
          value={validFrom}
          onChange={(value) => {
            setValidFrom(value);
            save.clearField('validFrom');
          }}
          error={problems.validFrom !== undefined}
          helperText={helper('validFrom')}
          sx={{ flex: 1 }}
        />
        <MaskedField
          kind="date"
          label={t('schedules.pattern.validTo')}
          value={validTo}
          onChange={(value) => {
            setValidTo(value);
            save.clearField('validTo');
          }}
          error={problems.validTo !== undefined}
          helperText={helper('validTo', t('schedules.pattern.validToHint'))}
          sx={{ flex: 1 }}
        />
      </Box>
    </SetupDialog>
  );
}
