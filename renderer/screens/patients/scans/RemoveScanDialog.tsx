import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors/app-error';
import type { ScanSummary } from '../../../../shared/scans/scan-inputs';
import { useApi } from '../../../api/api-context';
import { splitApiError } from '../../../forms/field-problem';
import { FieldMessage } from '../../../forms/FieldMessage';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../../ui/DialogFormActions';

/** A scan taken by mistake leaves the card with the clerk's reason; the row and file stay on record. */
export function RemoveScanDialog({ scan, onClose, onRemoved }: { scan: ScanSummary; onClose: () => void; onRemoved: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const answer = await api.scans.remove({ id: scan.id, reason });
    setBusy(false);
    if (answer.ok) onRemoved();
    else setError(answer.error);
  }

  const problems = error ? splitApiError(error, ['reason']) : null;
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <Box component="form" onSubmit={(event) => void submit(event)} noValidate>
        <DialogTitle id={titleId}>{t('scans.remove.title')}</DialogTitle>
        <DialogContent>
          {problems && problems.general.length > 0 && <ApiErrorAlert title={t('scans.remove.failed')} problems={problems.general} />}
          <DialogContentText sx={{ mb: 2 }}>{t('scans.remove.intro')}</DialogContentText>
          <TextField
            label={t('scans.remove.reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            required
            fullWidth
            autoFocus
            multiline
            minRows={2}
            error={Boolean(problems?.byField.reason)}
            helperText={problems?.byField.reason ? <FieldMessage problem={problems.byField.reason} /> : undefined}
          />
        </DialogContent>
        <DialogFormActions onCancel={onClose} busy={busy} submitLabel={t('scans.remove.submit')} />
      </Box>
    </Dialog>
  );
}
