import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { ApplicationView } from '../../shared/cabinet/cabinet-api';
import { asCabinetError } from '../api/cabinet-error';
import { useSession } from '../api/session';
import type { GeneralProblem } from '../forms/refusal';
import { useTexts } from '../i18n/use-texts';
import { Busy } from '../ui/Busy';
import { formatInstant } from '../ui/dates';
import { Page } from '../ui/Page';
import { RefusalAlert } from '../ui/RefusalAlert';
import { ApplicationTimeline } from './ApplicationTimeline';
import { AppealForm, SupplyForm } from './DeniedForms';

const statusColour = {
  submitted: 'default',
  in_review: 'info',
  approved: 'success',
  denied: 'error',
  activated: 'success',
} as const;

/** The latest application: its state, deadline, reason if denied, journal, and what the patient may do next. */
export function ApplicationScreen() {
  const { t, language } = useTexts();
  const { client, me } = useSession();
  const [applications, setApplications] = useState<ApplicationView[] | null>(null);
  const [problems, setProblems] = useState<GeneralProblem[]>([]);
  const load = useCallback(async () => {
    setProblems([]);
    try {
      setApplications(await client.applications());
    } catch (error) {
      const { code, message } = asCabinetError(error).body;
      setProblems([{ code, message }]);
    }
  }, [client]);
  useEffect(() => {
    void load();
  }, [load]);
  const replace = (next: ApplicationView) =>
    setApplications((list) => (list ?? []).map((item) => (item.id === next.id ? next : item)));

  if (applications === null) {
    return (
      <Page title={t('status.title')}>
        {problems.length ? <RefusalAlert problems={problems} /> : <Busy label={t('app.loading')} />}
      </Page>
    );
  }
  const latest = [...applications].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))[0];
  if (!latest) {
    return (
      <Page title={t('status.title')}>
        <Typography>{t('status.none')}</Typography>
        <Button component={RouterLink} to="/identity" variant="outlined">
          {t('identity.title')}
        </Button>
        <Button component={RouterLink} to="/apply" variant="contained">
          {t('status.apply')}
        </Button>
      </Page>
    );
  }
  const supplyOpen = latest.status === 'denied' && latest.supplyDue !== null;
  return (
    <Page title={t('status.title')} wide>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <Typography variant="h2" component="p">
          {t('status.number')}: <span translate="no">{latest.number}</span>
        </Typography>
        <Chip label={t(`statusName.${latest.status}`)} color={statusColour[latest.status]} />
        {latest.urgent ? <Chip label={t('status.urgent')} variant="outlined" /> : null}
        {latest.overdue ? <Chip label={t('status.overdue')} color="warning" /> : null}
      </Stack>
      <Typography>
        {t('status.submittedAt')}: {formatInstant(latest.submittedAt, language)}
        <br />
        {t('status.dueAt')}: {formatInstant(latest.dueAt, language)}
      </Typography>
      {latest.status === 'denied' && latest.denyReason ? (
        <Alert severity="error">
          <strong>{t('status.denyReason')}:</strong> {t(`deny.${latest.denyReason}`)}
          {latest.denyNote ? (
            <>
              <br />
              <strong>{t('status.denyNote')}:</strong> {latest.denyNote}
            </>
          ) : null}
        </Alert>
      ) : null}
      {latest.appeal ? (
        <Alert severity="info">
          <strong>{t('status.appeal')}:</strong> {latest.appeal.text}
          <br />
          {latest.appeal.outcome ? t(`status.appealOutcome.${latest.appeal.outcome}`) : t('status.appealPending')}
          {latest.appeal.note ? ` — ${latest.appeal.note}` : null}
        </Alert>
      ) : null}
      {latest.status === 'approved' ? (
        <>
          <Alert severity="success">
            {t('status.approvedNext')}
            {latest.activationChannel ? ` (${t(`status.channel.${latest.activationChannel}`)})` : null}
          </Alert>
          <Button component={RouterLink} to="/activate" variant="contained">
            {t('status.activate')}
          </Button>
        </>
      ) : null}
      {latest.status === 'activated' && me?.stage !== 'patient' ? (
        <>
          <Alert severity="success">{t('status.activatedNext')}</Alert>
          <Button component={RouterLink} to="/sign-in" variant="contained">
            {t('status.signIn')}
          </Button>
        </>
      ) : null}
      <Button variant="text" onClick={() => void load()} sx={{ alignSelf: 'flex-start' }}>
        {t('status.refresh')}
      </Button>
      <RefusalAlert problems={problems} />
      <Divider />
      <ApplicationTimeline events={latest.events} />
      {supplyOpen ? (
        <>
          <Divider />
          <SupplyForm application={latest} onDone={replace} />
        </>
      ) : null}
      {latest.status === 'denied' && !latest.appeal ? (
        <>
          <Divider />
          <AppealForm application={latest} onDone={replace} />
        </>
      ) : null}
    </Page>
  );
}
