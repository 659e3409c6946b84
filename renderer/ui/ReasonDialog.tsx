import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useId, useState, type FormEvent } from 'react';
import type { ApiEnvelope, ContractApi } from '../../shared/api/facade';
import { useApiMutation } from '../api/use-api-mutation';
import { FieldMessage } from '../forms/FieldMessage';
import { handleFormKeys } from '../forms/keyboard-flow';
import { ApiErrorAlert } from './ApiErrorAlert';
import { DialogFormActions } from './DialogFormActions';

export interface ReasonDialogTexts {
  title: string;
  intro: string;
  reason: string;
  submit: string;
  failed: string;
}

/**
 * Ends something for a reason the clerk types — a consent's withdrawal, a proxy's revocation, a
 * document or a scan taken off the card: one field, Enter or Ctrl+Enter submits (Ctrl+Enter alone
 * when the field takes several lines); the service's refusal shows under the field.
 */
export function ReasonDialog<T>({
  texts,
  send,
  onDone,
  onClose,
  multiline = false,
}: {
  texts: ReasonDialogTexts;
  send(api: ContractApi, reason: string): Promise<ApiEnvelope<T>>;
  onDone(data: T): void;
  onClose(): void;
  multiline?: boolean;
}) {
  const titleId = useId();
  const [reason, setReason] = useState('');
  const mutation = useApiMutation(send, { fields: ['reason'], onSuccess: onDone });
  const problem = mutation.problems.byField.reason;
  const general = mutation.problems.general;
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    void mutation.run(reason);
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <Box component="form" noValidate onSubmit={submit} onKeyDown={(event) => handleFormKeys(event, submit)}>
        <DialogTitle id={titleId}>{texts.title}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{texts.intro}</DialogContentText>
          <TextField
            label={texts.reason}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              mutation.clearField('reason');
            }}
            required
            autoFocus
            fullWidth
            multiline={multiline}
            minRows={multiline ? 2 : undefined}
            error={problem !== undefined}
            helperText={problem ? <FieldMessage problem={problem} /> : ' '}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
          {general.length > 0 && <ApiErrorAlert title={texts.failed} problems={general} />}
        </DialogContent>
        <DialogFormActions onCancel={onClose} busy={mutation.busy} submitLabel={texts.submit} />
      </Box>
    </Dialog>
  );
}
