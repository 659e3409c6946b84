import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../shared/api/incident-calls';
import { incidentTextLimits } from '../../../shared/incidents/incident-words';
import type { ApiEnvelope, ContractApi } from '../../../shared/api/facade';
import { useApiMutation } from '../../api/use-api-mutation';
import { handleFormKeys } from '../../forms/keyboard-flow';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../ui/DialogFormActions';
import { fromLocalInput, toLocalInput } from '../../format/datetime-local';

/**
 * One manager's step that asks for a text (a note, the resolution, the review) or a time (when a
 * regulator's notice was sent): the field, the refusal, the busy button.
 */
export function StepDialog({
  title,
  label,
  input,
  send,
  onDone,
  onClose,
}: {
  title: string;
  label: string;
  input: 'text' | 'time';
  send(api: ContractApi, value: string): Promise<ApiEnvelope<IncidentDetail>>;
  onDone(detail: IncidentDetail): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [value, setValue] = useState(() => (input === 'time' ? toLocalInput(new Date()) : ''));
  const mutation = useApiMutation((api, text: string) => send(api, text), { onSuccess: onDone });
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    void mutation.run(input === 'time' ? (fromLocalInput(value) ?? '') : value);
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <Box component="form" noValidate onSubmit={submit} onKeyDown={(event) => handleFormKeys(event, submit)}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          {input === 'time' ? (
            <TextField
              type="datetime-local"
              label={label}
              value={value}
              onChange={(event) => setValue(event.target.value)}
              autoFocus
              fullWidth
              margin="dense"
              slotProps={{ inputLabel: { shrink: true } }}
            />
          ) : (
            <TextField
              label={label}
              value={value}
              onChange={(event) => setValue(event.target.value)}
              autoFocus
              required
              multiline
              minRows={3}
              fullWidth
              margin="dense"
              slotProps={{ htmlInput: { maxLength: incidentTextLimits.text } }}
            />
          )}
          {mutation.problems.general.length > 0 && (
            <ApiErrorAlert title={t('incidents.actions.refused')} problems={mutation.problems.general} />
          )}
        </DialogContent>
        <DialogFormActions onCancel={onClose} busy={mutation.busy} submitLabel={t('incidents.dialogs.save')} />
      </Box>
    </Dialog>
  );
}
