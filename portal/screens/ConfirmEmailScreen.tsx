import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useEffect, useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useSession } from '../api/session';
import { asCabinetError } from '../api/cabinet-error';
import type { GeneralProblem } from '../forms/refusal';
import { useTexts } from '../i18n/use-texts';
import { Busy } from '../ui/Busy';
import { Page } from '../ui/Page';
import { RefusalAlert } from '../ui/RefusalAlert';
import { hashParams } from './hash-params';

/** The link from the e-mail: `/confirm-email#token=…` (the token stays out of server logs and Referer). */
export function ConfirmEmailScreen() {
  const { t } = useTexts();
  const { client, setMe } = useSession();
  const [state, setState] = useState<'working' | 'done' | 'no-token' | GeneralProblem>('working');
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const token = hashParams().get('token');
    if (!token) {
      setState('no-token');
      return;
    }
    window.history.replaceState(null, '', window.location.pathname);
    client
      .emailConfirm(token)
      .then((me) => {
        setMe(me);
        setState('done');
      })
      .catch((error: unknown) => {
        const { code, message } = asCabinetError(error).body;
        setState({ code, message });
      });
  }, [client, setMe]);
  return (
    <Page title={t('confirmEmail.title')}>
      {state === 'working' ? <Busy label={t('confirmEmail.working')} /> : null}
      {state === 'no-token' ? <Alert severity="warning">{t('confirmEmail.noToken')}</Alert> : null}
      {typeof state === 'object' ? <RefusalAlert problems={[state]} /> : null}
      {typeof state === 'object' || state === 'no-token' ? (
        <Button component={RouterLink} to="/check-email" variant="outlined">
          {t('checkEmail.resend')}
        </Button>
      ) : null}
      {state === 'done' ? (
        <>
          <Alert severity="success" role="status">
            {t('confirmEmail.done')}
          </Alert>
          <Button component={RouterLink} to="/confirm-phone" variant="contained">
            {t('confirmEmail.next')}
          </Button>
        </>
      ) : null}
    </Page>
  );
}
