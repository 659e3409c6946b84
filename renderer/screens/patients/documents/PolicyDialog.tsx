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
import { useApiMutation } from '../../../api/use-api-mutation';
import { useApiQuery } from '../../../api/use-api-query';
import { FieldMessage } from '../../../forms/FieldMessage';
import { handleFormKeys } from '../../../forms/keyboard-flow';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../../ui/DialogFormActions';

/**
 * The OMS policy's confirmation (B7): the registry's check first (today the desk's own: number,
 * dates, insurer), then the clerk's decision — confirmed, or rejected with a reason.
 */
export function PolicyDialog({
  policy,
  onClose,
  onSaved,
}: {
  policy: IdentityDocumentView;
  onClose: () => void;
  onSaved: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const check = useApiQuery(`policy-check:${policy.id}`, (client) =>
    client.documents.checkPolicy({ documentId: policy.id }),
  );
  const [decision, setDecision] = useState<'confirmed' | 'rejected'>('confirmed');
  const [reason, setReason] = useState<PolicyRejectionReason | ''>('');
  const mutation = useApiMutation(
    (api, input: { decision: 'confirmed' | 'rejected'; reason: PolicyRejectionReason | null }) =>
      api.documents.confirmPolicy({ documentId: policy.id, ...input }),
    {
      fields: ['reason'],
      onSuccess: (saved) => onSaved(t(`documents.policyStatuses.${saved.policyStatus ?? 'unchecked'}`)),
    },
  );
  const problem = mutation.problems.byField.reason;
  const general = mutation.problems.general;

  // A policy the check refuses can only be rejected, for the reason the check found.
  const refused = check.status === 'ok' && check.data.status === 'rejected' ? check.data.reason : null;
  useEffect(() => {
    if (refused) {
      setDecision('rejected');
      setReason(refused);
    }
  }, [refused]);

  function save(event?: FormEvent) {
    event?.preventDefault();
    void mutation.run({ decision, reason: decision === 'rejected' && reason !== '' ? reason : null });
  }

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <Box component="form" noValidate onSubmit={save} onKeyDown={(event) => handleFormKeys(event, save)}>
        <DialogTitle id={titleId}>{t('documents.policy.title')}</DialogTitle>
        <DialogContent>
          {check.status === 'ok' && (
            <Alert severity={refused ? 'warning' : 'info'} sx={{ mb: 2 }}>
              {refused
                ? t('documents.policy.failedCheck', { reason: t(`documents.policyReasons.${refused}`) })
                : t('documents.policy.passed')}
            </Alert>
          )}
          {check.status === 'loading' && (
            <Alert severity="info" sx={{ mb: 2 }}>
              {t('documents.policy.checking')}
            </Alert>
          )}
          {check.status === 'failed' && (
            <Box sx={{ mb: 2 }}>
              <ApiErrorAlert title={t('documents.policy.failed')} problems={[check.error]} />
            </Box>
          )}
          <FormControl>
            <FormLabel id={`${titleId}-decision`}>{t('documents.policy.decision')}</FormLabel>
            <RadioGroup
              aria-labelledby={`${titleId}-decision`}
              value={decision}
              onChange={(event) => setDecision(event.target.value as 'confirmed' | 'rejected')}
            >
              <FormControlLabel
                value="confirmed"
                control={<Radio autoFocus={!refused} />}
                label={t('documents.policy.confirm')}
                disabled={refused !== null}
              />
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
                mutation.clearField('reason');
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
        <DialogFormActions onCancel={onClose} busy={mutation.busy} submitLabel={t('documents.policy.save')} />
      </Box>
    </Dialog>
  );
}
