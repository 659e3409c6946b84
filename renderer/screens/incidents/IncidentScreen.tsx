import ArrowBack from '@mui/icons-material/ArrowBack';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import type { IncidentDetail } from '../../../shared/api/incident-calls';
import { useApiMutation } from '../../api/use-api-mutation';
import { useApiQuery } from '../../api/use-api-query';
import { usePermissions } from '../../app/session';
import { formatDateTime } from '../../format/date-time';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { ClassifyDialog } from './ClassifyDialog';
import { announceIncidentChange } from './incident-events';
import { IncidentTimeline } from './IncidentTimeline';
import { LeakClocks } from './LeakClocks';
import { StepDialog } from './StepDialog';

type Step = 'note' | 'resolve' | 'review' | 'notified' | 'results' | 'classify';

/** One incident: what happened, who handles it, a leak's two deadlines, the timeline, and a manager's actions. */
export function IncidentScreen() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const can = usePermissions();
  const [reads, setReads] = useState(0);
  const [step, setStep] = useState<Step | null>(null);
  const query = useApiQuery(`incident:${id}:${reads}`, (api) => api.incidents.get({ id }));
  const changed = () => {
    setStep(null);
    setReads((count) => count + 1);
    announceIncidentChange();
  };
  const take = useApiMutation((api, _: null) => api.incidents.take({ id }), { onSuccess: changed });
  const reopen = useApiMutation((api, _: null) => api.incidents.setStatus({ id, status: 'handling', resolution: '' }), {
    onSuccess: changed,
  });
  const data = query.status === 'ok' ? query.data : query.status === 'loading' ? query.previous : null;
  const back = (
    <Button component={RouterLink} to="/incidents" startIcon={<ArrowBack />} sx={{ mb: 1 }}>
      {t('incidents.back')}
    </Button>
  );
  if (query.status === 'failed')
    return (
      <>
        {back}
        <ApiErrorAlert title={t('incidents.notFound')} problems={[query.error]} />
      </>
    );
  if (!data) return <Loading space={6} />;
  const incident = data.incident;
  const manage = can('incidents.manage') && incident.status !== 'reviewed';
  const problems = [...take.problems.general, ...reopen.problems.general];

  return (
    <>
      {back}
      <ScreenHeader
        title={`${incident.number} · ${incident.title}`}
        subtitle={
          <Box component="span" sx={{ display: 'inline-flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
            <Chip size="small" label={t(`incidents.status.${incident.status}`)} />
            <Chip size="small" variant="outlined" label={t(`incidents.kind.${incident.kind}`)} />
            <Chip size="small" variant="outlined" label={t(`incidents.severity.${incident.severity}`)} />
            <span>
              {formatDateTime(incident.detectedAt)} ·{' '}
              {incident.source === 'alert'
                ? t('incidents.source.alert', { key: incident.alertKey ?? '' })
                : t('incidents.source.staff', { name: incident.openedBy?.name ?? '—' })}
            </span>
          </Box>
        }
      />
      <LeakClocks incident={incident} />
      {manage && (
        <Box
          role="toolbar"
          aria-label={t('incidents.actions.label')}
          sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', my: 2 }}
        >
          {incident.status === 'open' || (incident.status === 'handling' && incident.handler === null) ? (
            <Button variant="contained" disabled={take.busy} onClick={() => void take.run(null)}>
              {t('incidents.actions.take')}
            </Button>
          ) : null}
          {incident.status === 'handling' && (
            <Button variant="contained" onClick={() => setStep('resolve')}>
              {t('incidents.actions.resolve')}
            </Button>
          )}
          {incident.status === 'resolved' && (
            <>
              <Button variant="contained" onClick={() => setStep('review')}>
                {t('incidents.actions.review')}
              </Button>
              <Button disabled={reopen.busy} onClick={() => void reopen.run(null)}>
                {t('incidents.actions.reopen')}
              </Button>
            </>
          )}
          {incident.leak && incident.leak.notifiedAt === null && (
            <Button variant="outlined" color="error" onClick={() => setStep('notified')}>
              {t('incidents.actions.notified')}
            </Button>
          )}
          {incident.leak && incident.leak.notifiedAt !== null && incident.leak.resultsAt === null && (
            <Button variant="outlined" color="error" onClick={() => setStep('results')}>
              {t('incidents.actions.results')}
            </Button>
          )}
          <Button onClick={() => setStep('note')}>{t('incidents.actions.note')}</Button>
          <Button onClick={() => setStep('classify')}>{t('incidents.actions.classify')}</Button>
        </Box>
      )}
      {problems.length > 0 && <ApiErrorAlert title={t('incidents.actions.refused')} problems={problems} />}
      <Paper variant="outlined" sx={{ p: 2, display: 'grid', gap: 1.5 }}>
        <Field label={t('incidents.description')} text={incident.description || t('incidents.noDescription')} />
        <Field label={t('incidents.handler')} text={incident.handler?.name ?? t('incidents.nobody')} />
        {incident.resolution && <Field label={t('incidents.resolution')} text={incident.resolution} />}
        {incident.review && <Field label={t('incidents.review')} text={incident.review} />}
      </Paper>
      <IncidentTimeline entries={data.entries} />
      {step === 'classify' ? (
        <ClassifyDialog incident={incident} onDone={changed} onClose={() => setStep(null)} />
      ) : (
        step && <StepFor step={step} id={id} onDone={changed} onClose={() => setStep(null)} />
      )}
    </>
  );
}

function Field({ label, text }: { label: string; text: string }) {
  return (
    <Box>
      <Typography variant="subtitle2" component="h2">
        {label}
      </Typography>
      <Typography sx={{ whiteSpace: 'pre-wrap' }}>{text}</Typography>
    </Box>
  );
}

function StepFor({
  step,
  id,
  onDone,
  onClose,
}: {
  step: Exclude<Step, 'classify'>;
  id: string;
  onDone(detail: IncidentDetail): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const common = { onDone, onClose };
  switch (step) {
    case 'note':
      return (
        <StepDialog
          {...common}
          input="text"
          title={t('incidents.dialogs.noteTitle')}
          label={t('incidents.dialogs.note')}
          send={(api, note) => api.incidents.note({ id, note })}
        />
      );
    case 'resolve':
      return (
        <StepDialog
          {...common}
          input="text"
          title={t('incidents.dialogs.resolveTitle')}
          label={t('incidents.dialogs.resolution')}
          send={(api, resolution) => api.incidents.setStatus({ id, status: 'resolved', resolution })}
        />
      );
    case 'review':
      return (
        <StepDialog
          {...common}
          input="text"
          title={t('incidents.dialogs.reviewTitle')}
          label={t('incidents.dialogs.reviewText')}
          send={(api, review) => api.incidents.review({ id, review })}
        />
      );
    default:
      return (
        <StepDialog
          {...common}
          input="time"
          title={t(step === 'notified' ? 'incidents.dialogs.notifiedTitle' : 'incidents.dialogs.resultsTitle')}
          label={t('incidents.dialogs.noticeAt')}
          send={(api, at) => api.incidents.recordNotice({ id, notice: step, at })}
        />
      );
  }
}
