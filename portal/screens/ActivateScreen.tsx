import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link as RouterLink } from 'react-router';
import { z } from 'zod';
import { passwordRuleParams, unmetPasswordRules } from '../../shared/auth/password-policy';
import { fail } from '../../shared/domain/field-rules';
import { useClient } from '../api/session';
import { codeResolver, problem } from '../forms/code-resolver';
import { emailField } from '../forms/fields';
import { PasswordRules } from '../forms/PasswordRules';
import { TextInput } from '../forms/TextInput';
import { useSubmit } from '../forms/use-submit';
import { accountEn } from '../i18n/account.en';
import { accountRu } from '../i18n/account.ru';
import { useTexts } from '../i18n/use-texts';
import { Busy } from '../ui/Busy';
import { Page } from '../ui/Page';
import { RefusalAlert } from '../ui/RefusalAlert';
import { hashParams } from './hash-params';

interface ActivateForm {
  email: string;
  code: string;
  password: string;
  repeat: string;
}

const activateSchema = z.object({
  email: emailField,
  code: z.string().superRefine((value, ctx) => {
    if (value.trim() === '') fail(ctx, 'input.required');
  }),
  password: z.string().superRefine((value, ctx) => {
    const first = unmetPasswordRules(value)[0];
    if (first) fail(ctx, first, { ...passwordRuleParams });
  }),
  repeat: z.string(),
});

const mismatch = problem('form.mismatch', { ru: accountRu.activate.mismatch, en: accountEn.activate.mismatch });

/** The activation code (from `/activate#code=…&email=…`, or typed) and the new password, with its rules live. */
export function ActivateScreen() {
  const { t } = useTexts();
  const client = useClient();
  const [done, setDone] = useState(false);
  const [initial] = useState(() => {
    const params = hashParams();
    if (params.has('code')) window.history.replaceState(null, '', window.location.pathname);
    return { email: params.get('email') ?? '', code: params.get('code') ?? '' };
  });
  const form = useForm<ActivateForm>({
    resolver: codeResolver<ActivateForm>(activateSchema, (values) =>
      values.password !== values.repeat ? { repeat: mismatch } : {},
    ),
    defaultValues: { ...initial, password: '', repeat: '' },
  });
  const { run, busy, problems } = useSubmit(form, ['email', 'code', 'password']);
  const password = form.watch('password');
  const submit = form.handleSubmit((values) =>
    run(async () => {
      await client.activate({ email: values.email.trim(), code: values.code.trim(), password: values.password });
      setDone(true);
    }),
  );
  if (done) {
    return (
      <Page title={t('activate.title')}>
        <Alert severity="success" role="status">
          {t('activate.done')}
        </Alert>
        <Button component={RouterLink} to="/sign-in" variant="contained">
          {t('activate.toSignIn')}
        </Button>
      </Page>
    );
  }
  return (
    <Page title={t('activate.title')}>
      <Typography>{t('activate.intro')}</Typography>
      <Stack component="form" noValidate spacing={2} onSubmit={submit}>
        <TextInput form={form} name="email" label={t('activate.email')} type="email" autoComplete="username" />
        <TextInput
          form={form}
          name="code"
          label={t('activate.code')}
          help={t('activate.codeHelp')}
          autoComplete="one-time-code"
        />
        <TextInput
          form={form}
          name="password"
          label={t('activate.password')}
          type="password"
          autoComplete="new-password"
          slotProps={{ htmlInput: { 'aria-describedby': 'password-rules' } }}
        />
        <PasswordRules password={password} />
        <TextInput form={form} name="repeat" label={t('activate.repeat')} type="password" autoComplete="new-password" />
        <RefusalAlert problems={problems} />
        {busy ? <Busy label={t('app.loading')} /> : null}
        <Button type="submit" variant="contained" disabled={busy}>
          {t('activate.submit')}
        </Button>
      </Stack>
    </Page>
  );
}
