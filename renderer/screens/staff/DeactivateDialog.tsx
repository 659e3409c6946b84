import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSummary } from '../../../shared/api/staff-calls';
import type { ApiError } from '../../../shared/errors/app-error';
import { useApi } from '../../api/api-context';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';

/** Switching an account off, after saying what it means. */
export function DeactivateDialog({ person, onClose, onDone }: { person: StaffSummary; onClose: () => void; onDone: (person: StaffSummary) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function deactivate() {
    setBusy(true);
    const answer = await api.staff.deactivate({ staffId: person.id });
    setBusy(false);
    if (answer.ok) onDone(answer.data);
    else setError(answer.error);
  }

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
        <Button color="error" variant="contained" disabled={busy} onClick={() => void deactivate()}>
          {t('staff.deactivateSubmit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
