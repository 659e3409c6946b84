import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityDocumentView } from '../../../../shared/domain/documents/identity-document';
import { policyRejectionReasons, type PolicyRejectionReason } from '../../../../shared/domain/documents/oms-policy';
import { useApi } from '../../../api/api-context';
import { useApiQuery } from '../../../api/use-api-query';
import type { FieldProblem } from '../../../forms/field-problem';
import { FieldMessage } from '../../../forms/FieldMessage';
import { handleFormKeys } from '../../../forms/keyboard-flow';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../../ui/DialogFormActions';
import { sortProblems } from './document-problems';

/**
 * The OMS policy's confirmation (B7): the registry's check first (today the desk's own: number,
 * dates, insurer), then the clerk's decision — confirmed, or rejected with a reason.
 */
export function PolicyDialog({ policy, onClose, onSaved }: { policy: IdentityDocumentView; onClose: () => void; onSaved: (notice: string) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const titleId = useId();
  const check = useApiQuery(`policy-check:${policy.id}`, (client) => client.documents.checkPolicy({ documentId: policy.id }));
  const [decision, setDecision] = useState<'confirmed' | 'rejected'>('confirmed');
  const [reason, setReason] = useState<PolicyRejectionReason | ''>('');
  const [problem, setProblem] = useState<FieldProblem | undefined>();
  const [general, setGeneral] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);

  // A policy the check refuses can only be rejected, for the reason the check found.
  const refused = check.status === 'ok' && check.data.status === 'rejected' ? check.data.reason : null;
  useEffect(() => {
    if (refused) {
      setDecision('rejected');
      setReason(refused);
    }
  }, [refused]);

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    const envelope = await api.documents.confirmPolicy({ documentId: policy.id, decision, reason: decision === 'rejected' && reason !== '' ? reason : null });
    setBusy(false);
    if (envelope.ok) return onSaved(t(`documents.policyStatuses.${envelope.data.policyStatus ?? 'unchecked'}`));
    const sorted = sortProblems(envelope.error, (field) => (field === 'reason' ? 'reason' : undefined));
    setProblem(sorted.byField.reason);
    setGeneral(sorted.general);
  }

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <Box component="form" noValidate onSubmit={(event) => void save(event)} onKeyDown={(event) => handleFormKeys(event, () => void save())}>
        <DialogTitle id={titleId}>{t('documents.policy.title')}</DialogTitle>
        <DialogContent>
          {check.status === 'ok' && (
            <Alert severity={refused ? 'warning' : 'info'} sx={{ mb: 2 }}>
              {refused ? t('documents.policy.failedCheck', { reason: t(`documents.policyReasons.${refused}`) }) : t('documents.policy.passed')}
            </Alert>
          )}
          {check.status === 'loading' && <Alert severity="info" sx={{ mb: 2 }}>{t('documents.policy.checking')}</Alert>}
          {check.status === 'failed' && (
            <Box sx={{ mb: 2 }}>
              <ApiErrorAlert title={t('documents.policy.failed')} problems={[check.error]} />
            </Box>
          )}
          <FormControl>
            <FormLabel id={`${titleId}-decision`}>{t('documents.policy.decision')}</FormLabel>
            <RadioGroup aria-labelledby={`${titleId}-decision`} value={decision} onChange={(event) => setDecision(event.target.value as 'confirmed' | 'rejected')}>
              <FormControlLabel value="confirmed" control={<Radio autoFocus={!refused} />} label={t('documents.policy.confirm')} disabled={refused !== null} />
              <FormControlLabel value="rejected" control={<Radio />} label={t('documents.policy.reject')} />
            </RadioGroup>
          </FormControl>
          {decision === 'rejected' && (
            <TextField
              select
              fullWidth
              sx={{ mt: 2 }}
              label={t('documents.policy.reason')}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value as PolicyRejectionReason);
                setProblem(undefined);
              }}
              error={problem !== undefined}
              helperText={problem ? <FieldMessage problem={problem} /> : ' '}
            >
              {policyRejectionReasons.map((item) => (
                <MenuItem key={item} value={item}>
                  {t(`documents.policyReasons.${item}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
          {general.length > 0 && <ApiErrorAlert title={t('documents.policy.failed')} problems={general} />}
        </DialogContent>
        <DialogFormActions onCancel={onClose} busy={busy} submitLabel={t('documents.policy.save')} />
      </Box>
    </Dialog>
  );
}
