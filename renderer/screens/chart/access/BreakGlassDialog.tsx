import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrantView } from '../../../../shared/api/chart-access-calls';
import { AppError, toApiError, type ApiError } from '../../../../shared/errors/app-error';
import { emergencyReasons, type EmergencyReason } from '../../../../shared/rights/restrictions';
import { useApi } from '../../../api/api-context';
import { KeyPrompt } from '../../../auth/KeyPrompt';
import type { KeyProblem } from '../../../auth/security-key';
import { useSecurityKey } from '../../../auth/use-security-key';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../../ui/DialogFormActions';
import { announceChartAccessChanged } from './use-chart-access';

/**
 * Break-the-glass (F4): a reason from the list, its text, then a touch of the person's own key
 * (the same challenge as re-authentication); the grant opens the chart for the desk's hours.
 */
export function BreakGlassDialog({
  patientId,
  entryId = null,
  hours,
  onDone,
  onClose,
}: {
  patientId: string;
  entryId?: string | null;
  hours: number;
  onDone(grant: GrantView): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { askKey } = useSecurityKey();
  const titleId = useId();
  const [reasonCode, setReasonCode] = useState<EmergencyReason | ''>('');
  const [reasonText, setReasonText] = useState('');
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<KeyProblem | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setProblem(null);
    try {
      // The reason is checked before the key is asked: no touch for a form that will be refused.
      const text = reasonText.trim();
      if (reasonCode === '' || text.length < 10 || text.length > 1000) {
        setError(
          toApiError(new AppError('chart.emergency.reason', { field: 'reasonText', params: { min: 10, max: 1000 } })),
        );
        return;
      }
      const begun = await api.auth.beginReauthentication({});
      if (!begun.ok) return setError(begun.error);
      setAsking(true);
      const touched = await askKey(begun.data.publicKey);
      setAsking(false);
      if (!touched.ok) return setProblem(touched.problem);
      const granted = await api.chartAccess.breakGlass({
        patientId,
        entryId,
        reasonCode,
        reasonText: text,
        key: { attemptId: begun.data.attemptId, answer: touched.answer },
      });
      if (!granted.ok) return setError(granted.error);
      announceChartAccessChanged();
      onDone(granted.data);
    } finally {
      setAsking(false);
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <Box component="form" noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle id={titleId}>{t('chartAccess.breakGlass.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('chartAccess.breakGlass.intro', { hours })}</DialogContentText>
          {error && (
            <Box sx={{ mb: 2 }}>
              <ApiErrorAlert title={t('chartAccess.breakGlass.failed')} problems={[error]} />
            </Box>
          )}
          <KeyPrompt asking={asking} problem={problem} />
          <TextField
            select
            required
            fullWidth
            autoFocus
            label={t('chartAccess.breakGlass.reason')}
            value={reasonCode}
            onChange={(event) => setReasonCode(event.target.value as EmergencyReason)}
            sx={{ mb: 2 }}
          >
            {emergencyReasons.map((reason) => (
              <MenuItem key={reason} value={reason}>
                {t(`chartAccess.emergencyReasons.${reason}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            required
            fullWidth
            multiline
            minRows={3}
            label={t('chartAccess.breakGlass.text')}
            helperText={t('chartAccess.breakGlass.textHint')}
            value={reasonText}
            onChange={(event) => setReasonText(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 1000 } }}
          />
        </DialogContent>
        <DialogFormActions onCancel={onClose} busy={busy} submitLabel={t('chartAccess.breakGlass.confirm')} />
      </Box>
    </Dialog>
  );
}
