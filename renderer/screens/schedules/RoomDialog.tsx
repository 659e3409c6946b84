import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Room } from '../../../shared/appointments/schedule';
import { useApiMutation } from '../../api/use-api-mutation';
import { FieldMessage } from '../../forms/FieldMessage';
import { SetupDialog } from './SetupDialog';
import { fieldsOf, type Problems } from './setup-fields';

/** A room: its name or number, and whether it is in use. */
export function RoomDialog({ item, onClose, onSaved }: { item: Room | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(item?.name ?? '');
  const [active, setActive] = useState(item?.active ?? true);
  const save = useApiMutation(
    (api, input: Parameters<typeof api.schedules.saveRoom>[0]) => api.schedules.saveRoom(input),
    { fields: fieldsOf(['name'] as const), onSuccess: onSaved },
  );
  const problems = save.problems.byField as Problems<'name'>;
  return (
    <SetupDialog
      title={t('schedules.room.dialogTitle')}
      busy={save.busy}
      general={save.problems.general}
      onClose={onClose}
      onSubmit={() => void save.run({ ...(item ? { id: item.id } : {}), name, active })}
    >
      <TextField
        fullWidth
        required
        autoFocus
        label={t('schedules.room.name')}
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          save.clearField('name');
        }}
        error={problems.name !== undefined}
        helperText={problems.name ? <FieldMessage problem={problems.name} /> : ' '}
        slotProps={{ htmlInput: { maxLength: 100 } }}
      />
      <FormControlLabel
        control={<Switch checked={active} onChange={(event) => setActive(event.target.checked)} />}
        label={t('schedules.active')}
      />
    </SetupDialog>
  );
}
