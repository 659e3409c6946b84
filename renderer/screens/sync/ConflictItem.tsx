import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { SyncConflictView } from '../../../shared/api/sync-status';
import type { ApiError } from '../../../shared/errors/app-error';
import { useActorNames } from '../../app/actor-name';
import { formatDateTime } from '../../format/date-time';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { ConflictSide } from './ConflictSide';
import { fieldLabel, fieldValue } from './record-labels';

export type Keep = 'server' | 'device';

/**
 * One conflict: the patient and the field, the two values side by side with who, when and from
 * which desk, and a button under each to keep it. Neither value is preselected or styled as the
 * default: the clerk compares and chooses.
 */
export function ConflictItem({
  conflict,
  busy,
  failure,
  onResolve,
}: {
  conflict: SyncConflictView;
  busy: boolean;
  failure: ApiError | null;
  onResolve: (keep: Keep) => void;
}) {
  const { t } = useTranslation();
  const actors = useActorNames();
  const { table, field } = conflict;
  const madeBy = (actor: string | null, at: string | null) =>
    t('sync.conflicts.madeBy', {
      actor: actor ? actors.byName(actor) : t('sync.conflicts.unknownActor'),
      time: at ? formatDateTime(at) : t('sync.conflicts.unknownTime'),
    });
  const isPatient = table === 'patients';

  return (
    <Paper component="li" variant="outlined" sx={{ p: 2.5, listStyle: 'none' }}>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'baseline',
          justifyContent: 'space-between',
          gap: 2,
          flexWrap: 'wrap',
          mb: 2,
        }}
      >
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="h3" component="h3">
            {conflict.patientName ?? t('sync.conflicts.unknownPatient')}
          </Typography>
          <Typography color="text.secondary" sx={{ mt: 0.5 }}>
            {t('sync.conflicts.field', { field: fieldLabel(t, table, field) })}
          </Typography>
        </Box>
        {isPatient && conflict.patientName && (
          <Link component={RouterLink} to={`/patients/${conflict.rowId}`}>
            {t('sync.conflicts.openCard')}
          </Link>
        )}
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        <ConflictSide
          title={t('sync.conflicts.serverSide')}
          value={fieldValue(t, table, field, conflict.serverValue)}
          madeBy={madeBy(conflict.serverActor, conflict.serverAt)}
          action={
            <Button variant="outlined" disabled={busy} onClick={() => onResolve('server')}>
              {t('sync.conflicts.keepServer')}
            </Button>
          }
        />
        <ConflictSide
          title={t('sync.conflicts.deviceSide', { device: conflict.deviceName })}
          value={fieldValue(t, table, field, conflict.deviceValue)}
          madeBy={madeBy(conflict.deviceActor, conflict.at)}
          action={
            <Button variant="outlined" disabled={busy} onClick={() => onResolve('device')}>
              {t('sync.conflicts.keepDevice', { device: conflict.deviceName })}
            </Button>
          }
        />
      </Box>
      {failure && (
        <Box sx={{ mt: 2 }}>
          <ApiErrorAlert title={t('sync.conflicts.resolveFailed')} problems={[failure]} />
        </Box>
      )}
    </Paper>
  );
}
