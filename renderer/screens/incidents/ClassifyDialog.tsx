import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../shared/api/incident-calls';
import {
  incidentKinds,
  leakKind,
  type IncidentKind,
  type IncidentSeverity,
} from '../../../shared/incidents/incident-words';
import { useApiMutation } from '../../api/use-api-mutation';
import { handleFormKeys } from '../../forms/keyboard-flow';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../ui/DialogFormActions';
import { KindSeverityFields } from './KindSeverityFields';

/** A manager changes the kind or the severity; a leak's kind is not offered away once its clock runs. */
export function ClassifyDialog({
  incident,
  onDone,
  onClose,
}: {
  incident: IncidentDetail['incident'];
  onDone(detail: IncidentDetail): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [kind, setKind] = useState<IncidentKind>(incident.kind);
  const [severity, setSeverity] = useState<IncidentSeverity>(incident.severity);
  const mutation = useApiMutation(
    (api, input: { kind: IncidentKind; severity: IncidentSeverity }) =>
      api.incidents.classify({ id: incident.id, ...input }),
    { onSuccess: onDone },
  );
  const kinds = incident.kind === leakKind ? [leakKind] : incidentKinds;
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    void mutation.run({ kind, severity });
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <Box component="form" noValidate onSubmit={submit} onKeyDown={(event) => handleFormKeys(event, submit)}>
        <DialogTitle id={titleId}>{t('incidents.dialogs.classifyTitle')}</DialogTitle>
        <DialogContent>
          <KindSeverityFields kinds={kinds} kind={kind} severity={severity} onKind={setKind} onSeverity={setSeverity} />
          {mutation.problems.general.length > 0 && (
            <ApiErrorAlert title={t('incidents.actions.refused')} problems={mutation.problems.general} />
          )}
        </DialogContent>
        <DialogFormActions onCancel={onClose} busy={mutation.busy} submitLabel={t('incidents.dialogs.save')} />
      </Box>
    </Dialog>
  );
}
