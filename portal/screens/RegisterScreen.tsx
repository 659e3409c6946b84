import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Link from '@mui/material/Link';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Controller, useForm } from 'react-hook-form';
import { Link as RouterLink, useNavigate } from 'react-router';
import { z } from 'zod';
import { registerRequestSchema } from '../../shared/cabinet/registration';
import { parseRussianDate } from '../../shared/domain/calendar-date';
import { useClient } from '../api/session';
import { codeResolver, readProblem } from '../forms/code-resolver';
import { TextInput } from '../forms/TextInput';
import { useSubmit } from '../forms/use-submit';
import { useTexts } from '../i18n/use-texts';
import { Busy } from '../ui/Busy';
import { Page } from '../ui/Page';
import { RefusalAlert } from '../ui/RefusalAlert';
import { ProblemText } from '../ui/ProblemText';

interface RegisterForm {
  surname: string;
  name: string;
  patronymic: string;
  birthDate: string;
  sex: 'male' | 'female' | undefined;
  snils: string;
  inn: string;
  email: string;
  phone: string;
}
const fields = ['surname', 'name', 'patronymic', 'birthDate', 'sex', 'snils', 'inn', 'email', 'phone'] as const;

/** The date as typed (`ДД.ММ.ГГГГ`, UX.md) in the contract's ISO form; anything else stays for the schema to refuse. */
const isoBirthDate = (typed: string) => parseRussianDate(typed) ?? typed.trim();

/** The server's own schema, over the form's values with the date turned to ISO. */
const registerFormSchema = z.preprocess(
  (values) => ({ ...(values as RegisterForm), birthDate: isoBirthDate((values as RegisterForm).birthDate) }),
  registerRequestSchema,
);

const blank = (value: string) => (value.trim() === '' ? null : value.trim());

export function RegisterScreen() {
  const { t } = useTexts();
  const client = useClient();
  const navigate = useNavigate();
  const form = useForm<RegisterForm>({
    resolver: codeResolver(registerFormSchema),
    defaultValues: {
      surname: '',
      name: '',
      patronymic: '',
      birthDate: '',
      sex: undefined,
      snils: '',
      inn: '',
      email: '',
      phone: '',
    },
  });
  const { run, busy, problems } = useSubmit(form, fields);
  const sexProblem = readProblem(form.formState.errors.sex);
  const submit = form.handleSubmit((values) =>
    run(async () => {
      const answer = await client.register({
        surname: values.surname.trim(),
        name: values.name.trim(),
        patronymic: blank(values.patronymic),
        birthDate: isoBirthDate(values.birthDate),
        sex: values.sex ?? 'male',
        snils: blank(values.snils),
        inn: blank(values.inn),
        email: values.email.trim(),
        phone: values.phone.trim(),
      });
      await navigate('/check-email', { state: { sentTo: answer.sentTo, email: values.email.trim() } });
    }),
  );
  return (
    <Page title={t('register.title')}>
      <Typography>{t('register.intro')}</Typography>
      <Stack component="form" noValidate spacing={2} onSubmit={submit}>
        <TextInput form={form} name="surname" label={t('register.surname')} autoComplete="family-name" required />
        <TextInput form={form} name="name" label={t('register.name')} autoComplete="given-name" required />
        <TextInput form={form} name="patronymic" label={t('register.patronymic')} autoComplete="additional-name" />
        <TextInput
          form={form}
          name="birthDate"
          label={t('register.birthDate')}
          help={t('register.birthDateHelp')}
          autoComplete="bday"
          placeholder="ДД.ММ.ГГГГ"
          required
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { inputMode: 'numeric' } }}
        />
        <Controller
          control={form.control}
          name="sex"
          render={({ field }) => (
            <FormControl error={sexProblem !== null} required>
              <FormLabel id="sex-label">{t('register.sex')}</FormLabel>
              <RadioGroup
                row
                aria-labelledby="sex-label"
                name={field.name}
                value={field.value ?? ''}
                onChange={(event) => field.onChange(event.target.value)}
              >
                <FormControlLabel
                  value="female"
                  control={<Radio slotProps={{ input: { ref: field.ref } }} />}
                  label={t('register.female')}
                />
                <FormControlLabel value="male" control={<Radio />} label={t('register.male')} />
              </RadioGroup>
              {sexProblem ? (
                <FormHelperText>
                  <ProblemText problem={sexProblem} />
                </FormHelperText>
              ) : null}
            </FormControl>
          )}
        />
        <TextInput
          form={form}
          name="snils"
          label={t('register.snils')}
          help={t('register.snilsHelp')}
          inputMode="numeric"
        />
        <TextInput form={form} name="inn" label={t('register.inn')} inputMode="numeric" />
        <TextInput form={form} name="email" label={t('register.email')} type="email" autoComplete="email" required />
        <TextInput
          form={form}
          name="phone"
          label={t('register.phone')}
          help={t('register.phoneHelp')}
          type="tel"
          autoComplete="tel"
          required
        />
        <RefusalAlert problems={problems} />
        {busy ? <Busy label={t('register.submitting')} /> : null}
        <Button type="submit" variant="contained" disabled={busy}>
          {t('register.submit')}
        </Button>
        <Link component={RouterLink} to="/sign-in">
          {t('register.haveAccount')}
        </Link>
      </Stack>
    </Page>
  );
}
