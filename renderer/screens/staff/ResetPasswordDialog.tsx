import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSummary } from '../../../shared/api/staff-calls';
import { useApi } from '../../api/api-context';
import { NewPasswordFields, passwordProblem } from '../../auth/NewPasswordFields';
import type { FieldProblem } from '../../forms/field-problem';
import { handleFormKeys } from '../../forms/keyboard-flow';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';

/** A new first password for someone who forgot theirs; they replace it at their next sign-in. */
export function ResetPasswordDialog({ person, onClose, onDone }: { person: StaffSummary; onClose: () => void; onDone: (person: StaffSummary) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const titleId = useId();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [fieldProblem, setFieldProblem] = useState<FieldProblem | undefined>();
  const [general, setGeneral] = useState<FieldProblem | undefined>();

  async function reset(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    if (password !== repeat) {
      setMismatch(true);
      return;
    }
    setBusy(true);
    const answer = await api.staff.resetPassword({ staffId: person.id, password });
    setBusy(false);
    if (answer.ok) return onDone(answer.data);
    const sorted = passwordProblem(answer.error);
    setFieldProblem(sorted.field);
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
          <NewPasswordFields
            autoFocus
            password={password}
            repeat={repeat}
            onPassword={(value) => {
              setPassword(value);
              setFieldProblem(undefined);
            }}
            onRepeat={(value) => {
              setRepeat(value);
              setMismatch(false);
            }}
            problem={fieldProblem}
            mismatch={mismatch}
            label={t('staff.fields.firstPassword')}
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {t('staff.resetSubmit')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
