import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../../../../shared/errors/app-error';
import { FieldMessage } from '../../../forms/FieldMessage';
import { splitApiError, type FieldProblem } from '../../../forms/field-problem';
import { handleFormKeys } from '../../../forms/keyboard-flow';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../../ui/DialogFormActions';

export interface ReasonDialogTexts {
  title: string;
  intro: string;
  reason: string;
  submit: string;
  failed: string;
}

/**
 * Ends something for a reason the clerk types — a consent's withdrawal, a proxy's revocation:
 * one field, Enter or Ctrl+Enter submits; the service's refusal shows under the field.
 */
export function ReasonDialog({ texts, onSubmit, onClose }: { texts: ReasonDialogTexts; onSubmit(reason: string): Promise<ApiError | null>; onClose(): void }) {
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<FieldProblem | undefined>();
  const [general, setGeneral] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    const error = await onSubmit(reason);
    setBusy(false);
    if (!error) return;
    const sorted = splitApiError(error, ['reason'] as const);
    setProblem(sorted.byField.reason);
    setGeneral(sorted.general);
  }

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <Box component="form" noValidate onSubmit={(event) => void submit(event)} onKeyDown={(event) => handleFormKeys(event, () => void submit())}>
        <DialogTitle id={titleId}>{texts.title}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{texts.intro}</DialogContentText>
          <TextField
            label={texts.reason}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setProblem(undefined);
            }}
            required
            autoFocus
            fullWidth
            error={problem !== undefined}
            helperText={problem ? <FieldMessage problem={problem} /> : ' '}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
          {general.length > 0 && <ApiErrorAlert title={texts.failed} problems={general} />}
        </DialogContent>
        <DialogFormActions onCancel={onClose} busy={busy} submitLabel={texts.submit} />
      </Box>
    </Dialog>
  );
}
