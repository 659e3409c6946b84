import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSummary } from '../../../shared/api/staff-calls';
import { useApiMutation } from '../../api/use-api-mutation';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';

/** Switching an account off, after saying what it means. */
export function DeactivateDialog({
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
  const mutation = useApiMutation((api) => api.staff.deactivate({ staffId: person.id }), { onSuccess: onDone });
  const { busy, error } = mutation;

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{t('staff.deactivateTitle', { name: person.displayName })}</DialogTitle>
      <DialogContent>
        {error && (
          <Box sx={{ mb: 2 }}>
            <ApiErrorAlert title={t('staff.deactivateFailed')} problems={[error]} />
          </Box>
        )}
        <DialogContentText>{t('staff.deactivateIntro', { login: person.login })}</DialogContentText>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} autoFocus>
          {t('common.cancel')}
        </Button>
        <Button color="error" variant="contained" disabled={busy} onClick={() => void mutation.run(undefined)}>
          {t('staff.deactivateSubmit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
