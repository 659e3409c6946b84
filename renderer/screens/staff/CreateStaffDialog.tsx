import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSummary } from '../../../shared/api/staff-calls';
import { roles, type Role } from '../../../shared/auth/permissions';
import { useApiMutation } from '../../api/use-api-mutation';
import { NewPasswordFields } from '../../auth/NewPasswordFields';
import { sortNewPasswordRefusal, useNewPasswordForm } from '../../auth/use-new-password-form';
import { AccountNameFields } from '../../auth/AccountNameFields';
import { handleFormKeys } from '../../forms/keyboard-flow';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../ui/DialogFormActions';

const fields = ['login', 'displayName', 'role', 'password'] as const;

/** A new person: login, name, role and a first password they replace at their first sign-in. */
export function CreateStaffDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (person: StaffSummary, codes: string[]) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const roleLabelId = useId();
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('clerk');
  const mutation = useApiMutation(
    (api, input: { login: string; displayName: string; role: Role; password: string }) => api.staff.create(input),
    {
      sort: sortNewPasswordRefusal(fields),
      onSuccess: (done) => onCreated(done.staff, done.recoveryCodes),
    },
  );
  const form = useNewPasswordForm(mutation);
  const { byField, general } = mutation.problems;

  function create(event?: FormEvent) {
    void form.submit(event, { login, displayName, role, password: form.password });
  }

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <Box component="form" noValidate onSubmit={create} onKeyDown={(event) => handleFormKeys(event, create)}>
        <DialogTitle id={titleId}>{t('staff.createTitle')}</DialogTitle>
        <DialogContent>
          {general.length > 0 && (
            <Box sx={{ mb: 2 }}>
              <ApiErrorAlert title={t('staff.createFailed')} problems={general} />
            </Box>
          )}
          <AccountNameFields
            login={login}
            displayName={displayName}
            onLogin={setLogin}
            onDisplayName={setDisplayName}
            problems={byField}
            own={false}
          />
          <FormControl sx={{ mb: 2 }}>
            <FormLabel id={roleLabelId}>{t('staff.fields.role')}</FormLabel>
            <RadioGroup
              row
              aria-labelledby={roleLabelId}
              name="role"
              value={role}
              onChange={(event) => setRole(event.target.value as Role)}
            >
              {roles.map((option) => (
                <FormControlLabel key={option} value={option} control={<Radio />} label={t(`roles.${option}`)} />
              ))}
            </RadioGroup>
          </FormControl>
          <NewPasswordFields {...form.fields} label={t('staff.fields.firstPassword')} />
        </DialogContent>
        <DialogFormActions onCancel={onClose} busy={form.busy} submitLabel={t('staff.createSubmit')} />
      </Box>
    </Dialog>
  );
}
