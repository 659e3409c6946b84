import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useLocation } from 'react-router';
import { z } from 'zod';
import { useClient } from '../api/session';
import { codeResolver } from '../forms/code-resolver';
import { emailField } from '../forms/fields';
import { TextInput } from '../forms/TextInput';
import { useSubmit } from '../forms/use-submit';
import { useTexts } from '../i18n/use-texts';
import { Page } from '../ui/Page';
import { RefusalAlert } from '../ui/RefusalAlert';

const resendSchema = z.object({ email: emailField });

/** After registration: the link is in the mail; the message can be sent again. */
export function CheckEmailScreen() {
  const { t } = useTexts();
  const client = useClient();
  const state = (useLocation().state ?? {}) as { sentTo?: string; email?: string };
  const [resent, setResent] = useState(false);
  const form = useForm<{ email: string }>({
    resolver: codeResolver(resendSchema),
    defaultValues: { email: state.email ?? '' },
  });
  const { run, busy, problems } = useSubmit(form, ['email']);
  const submit = form.handleSubmit((values) =>
    run(async () => {
      setResent(false);
      await client.emailResend(values.email.trim());
      setResent(true);
    }),
  );
  return (
    <Page title={t('checkEmail.title')}>
      <Typography>
        {state.sentTo ? t('checkEmail.body', { sentTo: state.sentTo }) : t('checkEmail.bodyNoAddress')}
      </Typography>
      <Typography color="text.secondary">{t('checkEmail.notArrived')}</Typography>
      <Stack component="form" noValidate spacing={2} onSubmit={submit}>
        <TextInput form={form} name="email" label={t('checkEmail.email')} type="email" autoComplete="email" />
        <RefusalAlert problems={problems} />
        {resent ? (
          <Alert severity="success" role="status">
            {t('checkEmail.resent')}
          </Alert>
        ) : null}
        <Button type="submit" variant="outlined" disabled={busy}>
          {t('checkEmail.resend')}
        </Button>
      </Stack>
    </Page>
  );
}
