import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestrictionView } from '../../../../shared/api/chart-access-calls';
import type { ApiError } from '../../../../shared/errors/app-error';
import { usePermissions } from '../../../app/session';
import { ReasonDialog } from '../../../ui/ReasonDialog';
import { BreakGlassDialog } from './BreakGlassDialog';
import { RestrictDialog } from './RestrictDialog';
import { announceChartAccessChanged, useChartAccess } from './use-chart-access';

/** The «ограничено» mark of a restriction, with its ground and basis, and — for the team — its lifting. */
function RestrictionLine({ restriction, mayLift }: { restriction: RestrictionView; mayLift: boolean }) {
  const { t } = useTranslation();
  const [lifting, setLifting] = useState(false);
  const text = t(restriction.entryId === null ? 'chartAccess.mark.whole' : 'chartAccess.mark.entry', {
    reason: t(`chartAccess.reasons.${restriction.reason}`),
    basis: restriction.basis,
  });
  return (
    <Alert
      severity="warning"
      icon={false}
      action={
        mayLift ? (
          <Button color="inherit" size="small" onClick={() => setLifting(true)}>
            {t('chartAccess.lift.open')}
          </Button>
        ) : undefined
      }
    >
      <Chip size="small" color="warning" label={t('chartAccess.mark.restricted')} sx={{ mr: 1 }} />
      {restriction.entrySummary ? `${restriction.entrySummary} — ` : ''}
      {text}
      {lifting && (
        <ReasonDialog
          multiline
          texts={{
            title: t('chartAccess.lift.title'),
            intro: text,
            reason: t('chartAccess.lift.reason'),
            submit: t('chartAccess.lift.save'),
            failed: t('chartAccess.lift.failed'),
          }}
          send={(api, reason) => api.chartAccess.lift({ id: restriction.id, reason })}
          onDone={() => {
            setLifting(false);
            announceChartAccessChanged();
          }}
          onClose={() => setLifting(false)}
        />
      )}
    </Alert>
  );
}

/**
 * Above the chart's history: for a doctor outside the treating team, why the chart is closed and
 * the way in (break-the-glass); for the team, the restrictions in force («ограничено», ground,
 * basis) and restricting the whole chart. `historyError` is the history's refusal, if any.
 */
export function ChartAccessBar({
  patientId,
  historyError,
  onChanged,
}: {
  patientId: string;
  historyError: ApiError | null;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const mayWrite = usePermissions()('chart.write');
  const { status } = useChartAccess(patientId);
  const [dialog, setDialog] = useState<'glass' | 'restrict' | null>(null);
  const closed = historyError?.code === 'chart.access.outside_team';
  const whole = status?.restrictions.some((restriction) => restriction.entryId === null) ?? false;

  return (
    <Box sx={{ mb: 1.5 }}>
      {closed && (
        <Alert
          severity="info"
          action={
            <Button color="inherit" variant="outlined" sx={{ whiteSpace: 'nowrap' }} onClick={() => setDialog('glass')}>
              {t('chartAccess.outside.action')}
            </Button>
          }
        >
          <AlertTitle>{t('chartAccess.outside.title')}</AlertTitle>
          {t('chartAccess.outside.hint')}
        </Alert>
      )}
      {status && status.restrictions.length > 0 && (
        <Stack spacing={1}>
          {status.restrictions.map((restriction) => (
            <RestrictionLine key={restriction.id} restriction={restriction} mayLift={mayWrite && status.inTeam} />
          ))}
        </Stack>
      )}
      {status?.inTeam && mayWrite && !whole && (
        <Button size="small" sx={{ mt: 1 }} onClick={() => setDialog('restrict')}>
          {t('chartAccess.restrict.openWhole')}
        </Button>
      )}
      {dialog === 'glass' && (
        <BreakGlassDialog
          patientId={patientId}
          hours={status?.emergencyHours ?? 24}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            onChanged();
          }}
        />
      )}
      {dialog === 'restrict' && (
        <RestrictDialog
          patientId={patientId}
          entryId={null}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            onChanged();
          }}
        />
      )}
    </Box>
  );
}
