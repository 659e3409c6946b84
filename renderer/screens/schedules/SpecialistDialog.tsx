import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleView } from '../../../shared/api/appointments-calls';
import { useApiMutation } from '../../api/use-api-mutation';
import { useApiQuery } from '../../api/use-api-query';
import { usePermissions } from '../../app/session';
import { FieldMessage } from '../../forms/FieldMessage';
import { CodePicker } from './CodePicker';
import { SetupDialog } from './SetupDialog';
import { fieldsOf, orNull, type Problems } from './setup-fields';

type Specialist = ScheduleView['specialists'][number];
const fields = ['displayName', 'specialtyCode', 'positionCode', 'department', 'roomId', 'staffId'] as const;
type Field = (typeof fields)[number];

/** A specialist: name, specialty and position from the НСИ dictionaries, department, room, the staff account. */
export function SpecialistDialog({
  item,
  schedule,
  onClose,
  onSaved,
}: {
  item: Specialist | null;
  schedule: ScheduleView;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const may = usePermissions();
  const [displayName, setDisplayName] = useState(item?.displayName ?? '');
  const [specialtyCode, setSpecialtyCode] = useState(item?.specialtyCode ?? '');
  const [positionCode, setPositionCode] = useState(item?.positionCode ?? '');
  const [department, setDepartment] = useState(item?.department ?? '');
  const [roomId, setRoomId] = useState(item?.roomId ?? '');
  const [staffId, setStaffId] = useState(item?.staffId ?? '');
  const [active, setActive] = useState(item?.active ?? true);
  const staff = useApiQuery('setup-staff', may('staff.manage') ? (api) => api.staff.list({}) : null);
  const save = useApiMutation(
    (api, input: Parameters<typeof api.schedules.saveSpecialist>[0]) => api.schedules.saveSpecialist(input),
    { fields: fieldsOf(fields), onSuccess: onSaved },
  );
  const problems = save.problems.byField as Problems<Field>;
  const helper = (field: Field, hint = ' ') => (problems[field] ? <FieldMessage problem={problems[field]} /> : hint);

  return (
    <SetupDialog
      title={t('schedules.specialist.dialogTitle')}
      busy={save.busy}
      general={save.problems.general}
      onClose={onClose}
      onSubmit={() =>
        void save.run({
          ...(item ? { id: item.id } : {}),
          displayName,
          specialtyCode,
          positionCode,
          department: orNull(department),
          roomId: orNull(roomId),
          staffId: orNull(staffId),
          active,
        })
      }
    >
      <TextField
        fullWidth
        required
        autoFocus
        label={t('schedules.specialist.displayName')}
        value={displayName}
        onChange={(event) => {
          setDisplayName(event.target.value);
          save.clearField('displayName');
        }}
        error={problems.displayName !== undefined}
        helperText={helper('displayName')}
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
      <CodePicker
        dictionary="specialties"
        label={t('schedules.specialist.specialty')}
        value={specialtyCode}
        knownName={item?.specialtyName}
        onPick={(picked) => {
          setSpecialtyCode(picked?.code ?? '');
          save.clearField('specialtyCode');
        }}
        problem={problems.specialtyCode}
      />
      <CodePicker
        dictionary="positions"
        label={t('schedules.specialist.position')}
        value={positionCode}
        knownName={item?.positionName}
        onPick={(picked) => {
          setPositionCode(picked?.code ?? '');
          save.clearField('positionCode');
        }}
        problem={problems.positionCode}
      />
      <TextField
        fullWidth
        label={t('schedules.specialist.department')}
        value={department}
        onChange={(event) => setDepartment(event.target.value)}
        error={problems.department !== undefined}
        helperText={helper('department')}
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
      <TextField
        select
        fullWidth
        label={t('schedules.specialist.room')}
        value={roomId}
        onChange={(event) => setRoomId(event.target.value)}
        error={problems.roomId !== undefined}
        helperText={helper('roomId')}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      >
        <MenuItem value="">{t('schedules.none')}</MenuItem>
        {schedule.rooms.map((room) => (
          <MenuItem key={room.id} value={room.id}>
            {room.name}
          </MenuItem>
        ))}
      </TextField>
      {staff.status === 'ok' && (
        <TextField
          select
          fullWidth
          label={t('schedules.specialist.staff')}
          value={staffId}
          onChange={(event) => {
            setStaffId(event.target.value);
            save.clearField('staffId');
          }}
          error={problems.staffId !== undefined}
          helperText={helper('staffId', t('schedules.specialist.staffHint'))}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">{t('schedules.specialist.staffNone')}</MenuItem>
          {staff.data.items.map((person) => (
            <MenuItem key={person.id} value={person.id}>
              {person.displayName} ({person.login})
            </MenuItem>
          ))}
        </TextField>
      )}
      <FormControlLabel
        control={<Switch checked={active} onChange={(event) => setActive(event.target.checked)} />}
        label={t('schedules.active')}
      />
    </SetupDialog>
  );
}
