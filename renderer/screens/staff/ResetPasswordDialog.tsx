import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSummary } from '../../../shared/api/staff-calls';
import { useApiMutation } from '../../api/use-api-mutation';
import { NewPasswordFields } from '../../auth/NewPasswordFields';
import { sortNewPasswordRefusal, useNewPasswordForm } from '../../auth/use-new-password-form';
import { handleFormKeys } from '../../forms/keyboard-flow';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../ui/DialogFormActions';

/** A new first password for someone who forgot theirs; they replace it at their next sign-in. */
export function ResetPasswordDialog({
  person,
  onClose,
  onDone,
}: {
  person: StaffSummary;
  onClose: () => void;
  onDone: (person: StaffSummary) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const mutation = useApiMutation(
    (api, password: string) => api.staff.resetPassword({ staffId: person.id, password }),
    {
      sort: sortNewPasswordRefusal([]),
      onSuccess: onDone,
    },
  );
  const form = useNewPasswordForm(mutation);
  const general = mutation.problems.general;

  function reset(event?: FormEvent) {
    void form.submit(event, form.password);
  }

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <Box component="form" noValidate onSubmit={reset} onKeyDown={(event) => handleFormKeys(event, reset)}>
        <DialogTitle id={titleId}>{t('staff.resetTitle', { name: person.displayName })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('staff.resetIntro')}</DialogContentText>
          {general.length > 0 && (
            <Box sx={{ mb: 2 }}>
              <ApiErrorAlert title={t('staff.resetFailed')} problems={general} />
            </Box>
          )}
          <NewPasswordFields autoFocus {...form.fields} label={t('staff.fields.firstPassword')} />
        </DialogContent>
        <DialogFormActions onCancel={onClose} busy={form.busy} submitLabel={t('staff.resetSubmit')} />
      </Box>
    </Dialog>
  );
}
