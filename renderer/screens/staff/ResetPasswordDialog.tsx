import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSummary } from '../../../shared/api/staff-calls';
import { useApi } from '../../api/api-context';
import { NewPasswordFields, passwordProblem } from '../../auth/NewPasswordFields';
import { useNewPasswordForm } from '../../auth/use-new-password-form';
import type { FieldProblem } from '../../forms/field-problem';
import { handleFormKeys } from '../../forms/keyboard-flow';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../ui/DialogFormActions';

/** A new first password for someone who forgot theirs; they replace it at their next sign-in. */
export function ResetPasswordDialog({ person, onClose, onDone }: { person: StaffSummary; onClose: () => void; onDone: (person: StaffSummary) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const titleId = useId();
  const form = useNewPasswordForm();
  const [general, setGeneral] = useState<FieldProblem | undefined>();

  async function reset(event?: FormEvent) {
    const answer = await form.submit(event, () => api.staff.resetPassword({ staffId: person.id, password: form.password }));
    if (!answer) return;
    if (answer.ok) return onDone(answer.data);
    const sorted = passwordProblem(answer.error);
    form.setProblem(sorted.field);
    setGeneral(sorted.general);
  }

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <Box component="form" noValidate onSubmit={(event) => void reset(event)} onKeyDown={(event) => handleFormKeys(event, () => void reset())}>
        <DialogTitle id={titleId}>{t('staff.resetTitle', { name: person.displayName })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('staff.resetIntro')}</DialogContentText>
          {general && (
            <Box sx={{ mb: 2 }}>
              <ApiErrorAlert title={t('staff.resetFailed')} problems={[general]} />
            </Box>
          )}
          <NewPasswordFields autoFocus {...form.fields} label={t('staff.fields.firstPassword')} />
        </DialogContent>
        <DialogFormActions onCancel={onClose} busy={form.busy} submitLabel={t('staff.resetSubmit')} />
      </Box>
    </Dialog>
  );
}
