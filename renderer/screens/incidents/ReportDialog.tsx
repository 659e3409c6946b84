import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../shared/api/incident-calls';
import {
  incidentKinds,
  incidentTextLimits,
  type IncidentKind,
  type IncidentSeverity,
} from '../../../shared/incidents/incident-words';
import { useApiMutation } from '../../api/use-api-mutation';
import { FieldMessage } from '../../forms/FieldMessage';
import { handleFormKeys } from '../../forms/keyboard-flow';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../ui/DialogFormActions';
import { KindSeverityFields } from './KindSeverityFields';
import { fromLocalInput, toLocalInput } from '../../format/datetime-local';

interface Report {
  kind: IncidentKind;
  severity: IncidentSeverity;
  title: string;
  description: string;
  detectedAt?: string;
}

/** «Сообщить об инциденте»: anyone at the clinic, from the incident log. */
export function ReportDialog({ onDone, onClose }: { onDone(detail: IncidentDetail): void; onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [kind, setKind] = useState<IncidentKind>('outage');
  const [severity, setSeverity] = useState<IncidentSeverity>('medium');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [detected, setDetected] = useState(() => toLocalInput(new Date()));
  const mutation = useApiMutation((api, report: Report) => api.incidents.open(report), {
    fields: ['title', 'description', 'detectedAt'],
    onSuccess: onDone,
  });
  const problem = mutation.problems.byField;
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const detectedAt = fromLocalInput(detected);
    void mutation.run({ kind, severity, title, description, ...(detectedAt ? { detectedAt } : {}) });
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <Box component="form" noValidate onSubmit={submit} onKeyDown={(event) => handleFormKeys(event, submit)}>
        <DialogTitle id={titleId}>{t('incidents.dialogs.reportTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('incidents.dialogs.reportHint')}</DialogContentText>
          <KindSeverityFields
            kinds={incidentKinds}
            kind={kind}
            severity={severity}
            onKind={setKind}
            onSeverity={setSeverity}
          />
          <TextField
            label={t('incidents.dialogs.title')}
            value={title}
            onChange={(event) => {
              setTitle(event.target.value);
              mutation.clearField('title');
            }}
            autoFocus
            required
            fullWidth
            margin="dense"
            error={problem.title !== undefined}
            helperText={problem.title ? <FieldMessage problem={problem.title} /> : undefined}
            slotProps={{ htmlInput: { maxLength: incidentTextLimits.title } }}
          />
          <TextField
            label={t('incidents.dialogs.description')}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            multiline
            minRows={3}
            fullWidth
            margin="dense"
            error={problem.description !== undefined}
            helperText={problem.description ? <FieldMessage problem={problem.description} /> : undefined}
            slotProps={{ htmlInput: { maxLength: incidentTextLimits.text } }}
          />
          <TextField
            type="datetime-local"
            label={t('incidents.dialogs.detectedAt')}
            value={detected}
            onChange={(event) => {
              setDetected(event.target.value);
              mutation.clearField('detectedAt');
            }}
            fullWidth
            margin="dense"
            error={problem.detectedAt !== undefined}
            helperText={problem.detectedAt ? <FieldMessage problem={problem.detectedAt} /> : undefined}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          {mutation.problems.general.length > 0 && (
            <ApiErrorAlert title={t('incidents.actions.refused')} problems={mutation.problems.general} />
          )}
        </DialogContent>
        <DialogFormActions onCancel={onClose} busy={mutation.busy} submitLabel={t('incidents.dialogs.send')} />
      </Box>
    </Dialog>
  );
}
