import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { formatPhone } from '../../shared/domain/phone';
import { useSession } from '../api/session';
import { CodeForm } from '../forms/CodeForm';
import type { GeneralProblem } from '../forms/refusal';
import { useCountdown } from '../forms/use-countdown';
import { useTexts } from '../i18n/use-texts';
import { Page } from '../ui/Page';
import { RefusalAlert } from '../ui/RefusalAlert';
import { asCabinetError } from '../api/cabinet-error';

/** The SMS code to the phone given at registration. */
export function ConfirmPhoneScreen() {
  const { t } = useTexts();
  const { client, me, setMe } = useSession();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [left, setLeft] = useCountdown();
  const [problems, setProblems] = useState<GeneralProblem[]>([]);
  if (!me) return null;
  const send = async () => {
    setProblems([]);
    try {
      const sent = await client.phoneSend();
      setSentTo(sent.sentTo);
      setLeft(sent.resendAfterSeconds);
    } catch (error) {
      const { code, message } = asCabinetError(error).body;
      setProblems([{ code, message }]);
    }
  };
  if (me.phoneConfirmed) {
    return (
      <Page title={t('confirmPhone.title')}>
        <Alert severity="success">{t('confirmPhone.done')}</Alert>
        <Button component={RouterLink} to="/identity" variant="contained">
          {t('confirmPhone.next')}
        </Button>
      </Page>
    );
  }
  return (
    <Page title={t('confirmPhone.title')}>
      <Typography>{t('confirmPhone.intro', { phone: safePhone(me.phone) })}</Typography>
      {sentTo ? (
        <Alert severity="info" role="status">
          {t('confirmPhone.sent', { sentTo })}
        </Alert>
      ) : null}
      <RefusalAlert problems={problems} />
      <Button variant={sentTo ? 'outlined' : 'contained'} onClick={() => void send()} disabled={left > 0}>
        {left > 0 ? t('confirmPhone.resendIn', { seconds: left }) : t('confirmPhone.send')}
      </Button>
      {sentTo ? (
        <CodeForm
          label={t('confirmPhone.code')}
          submitLabel={t('confirmPhone.confirm')}
          onCode={async (code) => setMe(await client.phoneConfirm(code))}
        />
      ) : null}
    </Page>
  );
}

function safePhone(phone: string): string {
  return /^\+7\d{10}$/.test(phone) ? formatPhone(phone) : phone;
}
