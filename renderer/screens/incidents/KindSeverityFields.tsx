import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { incidentSeverities, type IncidentKind, type IncidentSeverity } from '../../../shared/incidents/incident-words';

/** An incident's kind and severity as two selects: the report's and the manager's classification. */
export function KindSeverityFields({
  kinds,
  kind,
  severity,
  onKind,
  onSeverity,
}: {
  kinds: readonly IncidentKind[];
  kind: IncidentKind;
  severity: IncidentSeverity;
  onKind(kind: IncidentKind): void;
  onSeverity(severity: IncidentSeverity): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        select
        label={t('incidents.dialogs.kind')}
        value={kind}
        onChange={(event) => onKind(event.target.value as IncidentKind)}
        fullWidth
        margin="dense"
      >
        {kinds.map((value) => (
          <MenuItem key={value} value={value}>
            {t(`incidents.kind.${value}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label={t('incidents.dialogs.severity')}
        value={severity}
        onChange={(event) => onSeverity(event.target.value as IncidentSeverity)}
        fullWidth
        margin="dense"
      >
        {incidentSeverities.map((value) => (
          <MenuItem key={value} value={value}>
            {t(`incidents.severity.${value}`)}
          </MenuItem>
        ))}
      </TextField>
    </>
  );
}
