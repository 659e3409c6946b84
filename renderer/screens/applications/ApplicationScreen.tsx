import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import type { ApplicationDetail } from '../../../shared/api/application-calls';
import { useApiMutation } from '../../api/use-api-mutation';
import { useApiQuery } from '../../api/use-api-query';
import { usePermissions } from '../../app/session';
import { formatDateTime } from '../../format/date-time';
import { fullName } from '../../format/person-name';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { SectionCard } from '../../ui/SectionCard';
import { AppealPanel } from './AppealPanel';
import { ApplicationChecks } from './ApplicationChecks';
import { ApplicationJournal } from './ApplicationJournal';
import { announceApplicationChange } from './application-events';
import { DecisionPanel } from './DecisionPanel';
import { DueChip } from './DueChip';
import { statusColor } from './status-color';

/** One application (C3–C6): its header, the checks with what fixes them, the decision, the appeal, the journal. */
export function ApplicationScreen() {
  const { id = '' } = useParams();
  return <ApplicationPage key={id} id={id} />;
}

function ApplicationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const loaded = useApiQuery(`application:${id}`, (api) => api.applications.get({ id }));
  // A decision answers with the application as it now is: shown at once, without asking again.
  const [changed, setChanged] = useState<ApplicationDetail | null>(null);
  if (loaded.status === 'failed')
    return <ApiErrorAlert title={t('applications.page.loadFailed')} problems={[loaded.error]} />;
  const detail = changed ?? (loaded.status === 'ok' ? loaded.data : null);
  if (!detail) return <Loading space={6} />;
  const onChanged = (next: ApplicationDetail) => {
    setChanged(next);
    announceApplicationChange();
  };
  return <ApplicationView detail={detail} onChanged={onChanged} />;
}

function ApplicationView({
  detail,
  onChanged,
}: {
  detail: ApplicationDetail;
  onChanged(next: ApplicationDetail): void;
}) {
  const { t } = useTranslation();
  const mayDecide = usePermissions()('patients.write');
  const { application, patient } = detail;
  const [now] = useState(() => new Date());
  const start = useApiMutation((api, input: { id: string }) => api.applications.startReview(input), {
    onSuccess: onChanged,
  });

  return (
    <>
      <Link component={RouterLink} to="/applications" underline="hover" sx={{ display: 'inline-block', mb: 1 }}>
        ← {t('applications.page.back')}
      </Link>
      <ScreenHeader
        title={application.number}
        subtitle={
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <Chip
              size="small"
              color={statusColor[application.status]}
              label={t(`applications.status.${application.status}`)}
            />
            {application.urgent && <Chip size="small" color="warning" label={t('applications.urgent')} />}
            <span>{t(`applications.channel.${application.channel}`)}</span>
            <span>· {t('applications.page.submitted', { at: formatDateTime(application.submittedAt) })}</span>
            <span>· {t('applications.page.dueAt', { at: formatDateTime(application.dueAt) })}</span>
            <DueChip dueAt={application.dueAt} status={application.status} now={now} />
          </Box>
        }
        action={
          mayDecide && application.status === 'submitted' ? (
            <Button variant="contained" disabled={start.busy} onClick={() => void start.run({ id: application.id })}>
              {t('applications.page.startReview')}
            </Button>
          ) : undefined
        }
      />
      {start.error && <ApiErrorAlert title={t('applications.decision.failed')} problems={[start.error]} />}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' }, alignItems: 'start' }}>
        <Box sx={{ display: 'grid', gap: 2 }}>
          <SectionCard title={t('applications.page.patient')}>
            {patient ? (
              <Typography>
                <Link component={RouterLink} to={`/patients/${patient.id}`} underline="hover" sx={{ fontWeight: 500 }}>
                  {fullName(patient)}
                </Link>
              </Typography>
            ) : (
              <Typography color="text.secondary">{t('applications.patientNotSynced')}</Typography>
            )}
            <Typography variant="body2" color="text.secondary">
              {t('applications.page.contacts', {
                email: application.contactEmail ?? '—',
                phone: application.contactPhone ?? '—',
              })}
            </Typography>
            {application.reviewStartedAt && (
              <Typography variant="body2" color="text.secondary">
                {t('applications.page.reviewStarted', {
                  name: application.reviewStartedBy?.name ?? '—',
                  at: formatDateTime(application.reviewStartedAt),
                })}
              </Typography>
            )}
            {application.decidedAt && (
              <Typography variant="body2" color="text.secondary">
                {t('applications.page.decided', {
                  name: application.decidedBy?.name ?? '—',
                  at: formatDateTime(application.decidedAt),
                })}
              </Typography>
            )}
          </SectionCard>
          <ApplicationChecks detail={detail} mayDecide={mayDecide} onChanged={onChanged} />
          {mayDecide && <DecisionPanel detail={detail} onChanged={onChanged} />}
          <AppealPanel detail={detail} mayDecide={mayDecide} onChanged={onChanged} />
        </Box>
        <ApplicationJournal events={detail.events} />
      </Box>
    </>
  );
}
