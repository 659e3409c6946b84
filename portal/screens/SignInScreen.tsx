import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Link from '@mui/material/Link';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import type { CodeChannel, CodeSent, SignInChallenge } from '../../shared/cabinet/cabinet-api';
import { fail } from '../../shared/domain/field-rules';
import { isErrorCode, localize } from '../../shared/errors/catalog';
import { asCabinetError } from '../api/cabinet-error';
import { useSession } from '../api/session';
import { homeOf } from '../app/guards';
import { codeResolver } from '../forms/code-resolver';
import { CodeForm } from '../forms/CodeForm';
import { emailField } from '../forms/fields';
import type { GeneralProblem } from '../forms/refusal';
import { TextInput } from '../forms/TextInput';
import { useSubmit } from '../forms/use-submit';
import { useTexts } from '../i18n/use-texts';
import { Busy } from '../ui/Busy';
import { Page } from '../ui/Page';
import { RefusalAlert } from '../ui/RefusalAlert';

const passwordSchema = z.object({
  email: emailField,
  password: z.string().superRefine((value, ctx) => {
    if (value === '') fail(ctx, 'input.required');
  }),
});

/** Password, then a one-time code by the channel the patient picks (2FA always), or the government portal. */
export function SignInScreen() {
  const { t } = useTexts();
  const { client, setMe } = useSession();
  const navigate = useNavigate();
  const [challenge, setChallenge] = useState<SignInChallenge | null>(null);
  const [channel, setChannel] = useState<CodeChannel | null>(null);
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [sendProblems, setSendProblems] = useState<GeneralProblem[]>([]);
  // The identity provider's refusal comes back as `/sign-in?error=<code>` (server/cabinet/oidc/).
  const [search] = useSearchParams();
  const federatedError = search.get('error');
  const federated: GeneralProblem[] =
    federatedError && isErrorCode(federatedError) ? [{ code: federatedError, message: localize(federatedError) }] : [];
  const form = useForm<{ email: string; password: string }>({
    resolver: codeResolver(passwordSchema),
    defaultValues: { email: '', password: '' },
  });
  const { run, busy, problems } = useSubmit(form, ['email', 'password']);
  const submit = form.handleSubmit((values) =>
    run(async () => {
      const next = await client.signIn(values.email.trim(), values.password);
      setChallenge(next);
      setChannel(next.channels[0] ?? null);
    }),
  );
  const send = async () => {
    if (!challenge || !channel) return;
    setSendProblems([]);
    try {
      setSent(await client.signInSend(challenge.challengeId, channel));
    } catch (error) {
      const { code, message } = asCabinetError(error).body;
      setSendProblems([{ code, message }]);
    }
  };
  if (challenge && channel) {
    const needsSending = channel !== 'totp';
    return (
      <Page title={t('signIn.title')}>
        <FormLabel id="channel-label">{t('signIn.chooseChannel')}</FormLabel>
        <RadioGroup
          aria-labelledby="channel-label"
          value={channel}
          onChange={(event) => {
            setChannel(event.target.value as CodeChannel);
            setSent(null);
          }}
        >
          {challenge.channels.map((item) => (
            <FormControlLabel key={item} value={item} control={<Radio />} label={t(`signIn.channel.${item}`)} />
          ))}
        </RadioGroup>
        <RefusalAlert problems={sendProblems} />
        {needsSending && !sent ? (
          <Button variant="contained" onClick={() => void send()}>
            {t('signIn.send')}
          </Button>
        ) : null}
        {sent ? (
          <Alert severity="info" role="status">
            {t('signIn.sent', { sentTo: sent.sentTo })}
          </Alert>
        ) : null}
        {!needsSending ? <Typography>{t('signIn.totpHint')}</Typography> : null}
        {!needsSending || sent ? (
          <CodeForm
            key={channel}
            label={t('signIn.code')}
            submitLabel={t('signIn.verify')}
            onCode={async (code) => {
              const me = await client.signInVerify(challenge.challengeId, channel, code);
              setMe(me);
              await navigate(homeOf(me), { replace: true });
            }}
          />
        ) : null}
      </Page>
    );
  }
  return (
    <Page title={t('signIn.title')}>
      <Stack component="form" noValidate spacing={2} onSubmit={submit}>
        <TextInput form={form} name="email" label={t('signIn.email')} type="email" autoComplete="username" />
        <TextInput
          form={form}
          name="password"
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
        />
        <RefusalAlert problems={problems} />
        {busy ? <Busy label={t('app.loading')} /> : null}
        <Button type="submit" variant="contained" disabled={busy}>
          {t('signIn.submit')}
        </Button>
      </Stack>
      <Divider>{t('signIn.or')}</Divider>
      <RefusalAlert problems={federated} />
      <Button variant="outlined" href={client.oidcStartUrl}>
        {t('signIn.gosuslugi')}
      </Button>
      <Stack spacing={1}>
        <Link component={RouterLink} to="/register">
          {t('signIn.register')}
        </Link>
        <Link component={RouterLink} to="/activate">
          {t('signIn.activate')}
        </Link>
      </Stack>
    </Page>
  );
}
