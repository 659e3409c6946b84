import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { NotificationSettings } from '../../shared/cabinet/cabinet-api';
import { asCabinetError } from '../api/cabinet-error';
import { useSession } from '../api/session';
import { CodeForm } from '../forms/CodeForm';
import type { GeneralProblem } from '../forms/refusal';
import { useTexts } from '../i18n/use-texts';
import { Busy } from '../ui/Busy';
import { Page } from '../ui/Page';
import { RefusalAlert } from '../ui/RefusalAlert';

function toProblem(error: unknown): GeneralProblem {
  const { code, message } = asCabinetError(error).body;
  return { code, message };
}

/** «Настройки»: notification channels, the authenticator app, sign-out everywhere. */
export function SettingsScreen() {
  const { t } = useTexts();
  return (
    <Page title={t('settings.title')} wide>
      <NotificationChannels />
      <Divider />
      <Security />
      <Divider />
      <Link component={RouterLink} to="/cabinet/representation">
        {t('representation.title')}
      </Link>
    </Page>
  );
}

function NotificationChannels() {
  const { t } = useTexts();
  const { client } = useSession();
  const [settings, setSettings] = useState<NotificationSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const [problems, setProblems] = useState<GeneralProblem[]>([]);
  useEffect(() => {
    client
      .notificationSettings()
      .then(setSettings)
      .catch((error: unknown) => setProblems([toProblem(error)]));
  }, [client]);
  const change = async (next: NotificationSettings) => {
    const before = settings;
    setSettings(next);
    setSaved(false);
    setProblems([]);
    try {
      setSettings(await client.saveNotificationSettings(next));
      setSaved(true);
    } catch (error) {
      setSettings(before);
      setProblems([toProblem(error)]);
    }
  };
  return (
    <Stack spacing={1} component="section" aria-labelledby="notifications-title">
      <Typography id="notifications-title" variant="h2">
        {t('settings.notifications')}
      </Typography>
      <Typography color="text.secondary">{t('settings.notificationsIntro')}</Typography>
      {settings ? (
        <FormGroup>
          <FormControlLabel
            control={
              <Switch
                checked={settings.email}
                onChange={(event) => void change({ ...settings, email: event.target.checked })}
              />
            }
            label={t('settings.byEmail')}
          />
          <FormControlLabel
            control={
              <Switch
                checked={settings.sms}
                onChange={(event) => void change({ ...settings, sms: event.target.checked })}
              />
            }
            label={t('settings.bySms')}
          />
        </FormGroup>
      ) : problems.length === 0 ? (
        <Busy label={t('app.loading')} />
      ) : null}
      {saved ? (
        <Typography role="status" color="success.main">
          {t('settings.saved')}
        </Typography>
      ) : null}
      <RefusalAlert problems={problems} />
    </Stack>
  );
}

function Security() {
  const { t } = useTexts();
  const { client, me, setMe, refresh } = useSession();
  const navigate = useNavigate();
  const [totp, setTotp] = useState<{ uri: string; secret: string } | null>(null);
  const [done, setDone] = useState(false);
  const [problems, setProblems] = useState<GeneralProblem[]>([]);
  const begin = async () => {
    setProblems([]);
    try {
      setTotp(await client.totpBegin());
    } catch (error) {
      setProblems([toProblem(error)]);
    }
  };
  const everywhere = async () => {
    setProblems([]);
    try {
      await client.signOutEverywhere();
      setMe(null);
      await navigate('/sign-in');
    } catch (error) {
      setProblems([toProblem(error)]);
    }
  };
  return (
    <Stack spacing={2} component="section" aria-labelledby="security-title">
      <Typography id="security-title" variant="h2">
        {t('settings.security')}
      </Typography>
      <Typography variant="h3" component="h3">
        {t('settings.totp')}
      </Typography>
      {me?.totpEnrolled || done ? (
        <Alert severity="success">{done ? t('settings.totpDone') : t('settings.totpOn')}</Alert>
      ) : totp ? (
        <>
          <Typography>
            {t('settings.totpSecret')}:{' '}
            <Typography component="code" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
              {totp.secret}
            </Typography>
          </Typography>
          <Link href={totp.uri} sx={{ overflowWrap: 'anywhere' }}>
            {t('settings.totpUri')}
          </Link>
          <CodeForm
            label={t('settings.totpCode')}
            submitLabel={t('settings.totpConfirm')}
            onCode={async (code) => {
              await client.totpConfirm(code);
              setDone(true);
              await refresh().catch(() => null);
            }}
          />
        </>
      ) : (
        <>
          <Typography color="text.secondary">{t('settings.totpIntro')}</Typography>
          <Button variant="outlined" onClick={() => void begin()} sx={{ alignSelf: 'flex-start' }}>
            {t('settings.totpBegin')}
          </Button>
        </>
      )}
      <Typography color="text.secondary">{t('settings.signOutEverywhereHint')}</Typography>
      <Button variant="outlined" color="error" onClick={() => void everywhere()} sx={{ alignSelf: 'flex-start' }}>
        {t('settings.signOutEverywhere')}
      </Button>
      <RefusalAlert problems={problems} />
    </Stack>
  );
}
