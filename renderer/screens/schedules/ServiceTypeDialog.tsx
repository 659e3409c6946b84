import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Box from '@mui/material/Box';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceModes, type ServiceMode, type ServiceType } from '../../../shared/appointments/schedule';
import { useApiMutation } from '../../api/use-api-mutation';
import { FieldMessage } from '../../forms/FieldMessage';
import { CodePicker } from './CodePicker';
import { SetupDialog } from './SetupDialog';
import { fieldsOf, orNull, type Problems } from './setup-fields';

const fields = ['serviceCode', 'name', 'durationMin', 'mode', 'dailyLimit', 'instructions'] as const;
type Field = (typeof fields)[number];

/** A service type: its НСИ 1070 code, the name shown, duration, in person or remote, a daily limit, instructions. */
export function ServiceTypeDialog({
  item,
  onClose,
  onSaved,
}: {
  item: ServiceType | null;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const [serviceCode, setServiceCode] = useState(item?.serviceCode ?? '');
  const [name, setName] = useState(item?.name ?? '');
  const [duration, setDuration] = useState(String(item?.durationMin ?? 20));
  const [mode, setMode] = useState<ServiceMode>(item?.mode ?? 'in_person');
  const [dailyLimit, setDailyLimit] = useState(item?.dailyLimit ? String(item.dailyLimit) : '');
  const [instructions, setInstructions] = useState(item?.instructions ?? '');
  const [active, setActive] = useState(item?.active ?? true);
  const save = useApiMutation(
    (api, input: Parameters<typeof api.schedules.saveServiceType>[0]) => api.schedules.saveServiceType(input),
    { fields: fieldsOf(fields), onSuccess: onSaved },
  );
  const problems = save.problems.byField as Problems<Field>;
  const helper = (field: Field, hint = ' ') => (problems[field] ? <FieldMessage problem={problems[field]} /> : hint);
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

  return (
    <SetupDialog
      title={t('schedules.service.dialogTitle')}
      busy={save.busy}
      general={save.problems.general}
      onClose={onClose}
      onSubmit={() =>
        void save.run({
          ...(item ? { id: item.id } : {}),
          serviceCode,
          name,
          durationMin: number(duration),
          mode,
          dailyLimit: dailyLimit.trim() === '' ? null : number(dailyLimit),
          instructions: orNull(instructions),
          active,
        })
      }
    >
      <CodePicker
        dictionary="services"
        label={t('schedules.service.code')}
        value={serviceCode}
        autoFocus
        onPick={(picked) => {
          setServiceCode(picked?.code ?? '');
          if (picked && name.trim() === '') setName(picked.name.slice(0, 300));
          save.clearField('serviceCode');
        }}
        problem={problems.serviceCode}
      />
      <TextField
        fullWidth
        required
        label={t('schedules.service.name')}
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          save.clearField('name');
        }}
        error={problems.name !== undefined}
        helperText={helper('name')}
        slotProps={{ htmlInput: { maxLength: 300 } }}
      />
      <Box sx={{ display: 'flex', gap: 2 }}>
        <TextField
          required
          label={t('schedules.service.duration')}
          value={duration}
          onChange={(event) => {
            setDuration(event.target.value.replace(/\D/g, ''));
            save.clearField('durationMin');
          }}
          error={problems.durationMin !== undefined}
          helperText={helper('durationMin')}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 3 } }}
          sx={{ flex: 1 }}
        />
        <TextField
          select
          label={t('schedules.service.mode')}
          value={mode}
          onChange={(event) => setMode(event.target.value as ServiceMode)}
          helperText=" "
          sx={{ flex: 1 }}
        >
          {serviceModes.map((option) => (
            <MenuItem key={option} value={option}>
              {t(`appointments.mode.${option}`)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <TextField
        fullWidth
        label={t('schedules.service.dailyLimit')}
        value={dailyLimit}
        onChange={(event) => {
          setDailyLimit(event.target.value.replace(/\D/g, ''));
          save.clearField('dailyLimit');
        }}
        error={problems.dailyLimit !== undefined}
        helperText={helper('dailyLimit', t('schedules.service.dailyLimitHint'))}
        slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 3 } }}
      />
      <TextField
        fullWidth
        multiline
        minRows={2}
        label={t('schedules.service.instructions')}
        value={instructions}
        onChange={(event) => setInstructions(event.target.value)}
        error={problems.instructions !== undefined}
        helperText={helper('instructions')}
        slotProps={{ htmlInput: { maxLength: 2000 } }}
      />
      <FormControlLabel
        control={<Switch checked={active} onChange={(event) => setActive(event.target.checked)} />}
        label={t('schedules.active')}
      />
    </SetupDialog>
  );
}
