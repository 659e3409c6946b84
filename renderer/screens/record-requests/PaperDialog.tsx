import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperReceiver, RecordRequestDetail } from '../../../shared/api/record-request-calls';
import { useApiMutation } from '../../api/use-api-mutation';
import { FieldMessage } from '../../forms/FieldMessage';
import { handleFormKeys } from '../../forms/keyboard-flow';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../ui/DialogFormActions';

/** Records who received the paper copy: the patient in person, or a representative by name. */
export function PaperDialog({
  requestId,
  onDone,
  onClose,
}: {
  requestId: string;
  onDone(detail: RecordRequestDetail): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [kind, setKind] = useState<PaperReceiver['kind']>('patient');
  const [name, setName] = useState('');
  const mutation = useApiMutation(
    (api, receivedBy: PaperReceiver) => api.recordRequests.handPaper({ id: requestId, receivedBy }),
    { fields: ['receivedBy.name'], onSuccess: onDone },
  );
  const problem = mutation.problems.byField['receivedBy.name'];
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    void mutation.run(kind === 'patient' ? { kind } : { kind, name });
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <Box component="form" noValidate onSubmit={submit} onKeyDown={(event) => handleFormKeys(event, submit)}>
        <DialogTitle id={titleId}>{t('recordRequests.paperDialog.title')}</DialogTitle>
        <DialogContent>
          <RadioGroup
            aria-labelledby={titleId}
            value={kind}
            onChange={(event) => setKind(event.target.value as PaperReceiver['kind'])}
          >
            <FormControlLabel value="patient" control={<Radio />} label={t('recordRequests.paperDialog.patient')} />
            <FormControlLabel
              value="representative"
              control={<Radio />}
              label={t('recordRequests.paperDialog.representative')}
            />
          </RadioGroup>
          {kind === 'representative' && (
            <TextField
              label={t('recordRequests.paperDialog.name')}
              value={name}
              onChange={(event) => {
                setName(event.target.value);
                mutation.clearField('receivedBy.name');
              }}
              autoFocus
              fullWidth
              required
              margin="normal"
              error={problem !== undefined}
              helperText={problem ? <FieldMessage problem={problem} /> : t('recordRequests.paperDialog.nameHint')}
              slotProps={{ htmlInput: { maxLength: 200 } }}
            />
          )}
          {mutation.problems.general.length > 0 && (
            <ApiErrorAlert title={t('recordRequests.actions.refused')} problems={mutation.problems.general} />
          )}
        </DialogContent>
        <DialogFormActions
          onCancel={onClose}
          busy={mutation.busy}
          submitLabel={t('recordRequests.paperDialog.confirm')}
        />
      </Box>
    </Dialog>
  );
}
