import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Grid from '@mui/material/Grid';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import type { ShareConsent } from '../../../../shared/chart/chart-views';
import { recipientSchema, shareScopes } from '../../../../shared/chart/sharing';
import { useClient } from '../../../api/session';
import { codeResolver } from '../../../forms/code-resolver';
import { TextInput } from '../../../forms/TextInput';
import { useSubmit } from '../../../forms/use-submit';
import { sharingEn } from '../../../i18n/sharing.en';
import { sharingRu } from '../../../i18n/sharing.ru';
import { useTexts } from '../../../i18n/use-texts';
import { Busy } from '../../../ui/Busy';
import { formBox } from '../../../ui/form-box';
import { RefusalAlert } from '../../../ui/RefusalAlert';
import { EntryPicker } from './EntryPicker';

type Scope = (typeof shareScopes)[number];
interface Values {
  name: string;
  organisation: string;
  specialty: string;
  email: string;
  scope: Scope;
  validUntil: string;
}

// The contract's recipient rules on flat fields (the server names them `recipient.name`, …).
const schema = recipientSchema.extend({
  scope: z.enum(shareScopes),
  validUntil: z.union([z.literal(''), z.iso.date()]),
});
const fields = ['name', 'organisation', 'specialty', 'email', 'scope', 'validUntil'] as const;

/** A new consent to share: the recipient, the whole record or chosen entries, until a day or until revoked. */
export function ConsentForm({ onGiven, onCancel }: { onGiven: (consent: ShareConsent) => void; onCancel: () => void }) {
  const { t } = useTexts();
  const client = useClient();
  const [entryIds, setEntryIds] = useState<string[]>([]);
  const form = useForm<Values>({
    resolver: codeResolver(schema),
    defaultValues: { name: '', organisation: '', specialty: '', email: '', scope: 'whole_record', validUntil: '' },
  });
  const { run, busy, problems, setProblems } = useSubmit(form, fields, (field) => field.replace(/^recipient\./, ''));
  const scope = form.watch('scope');
  const submit = form.handleSubmit((values) => {
    if (values.scope === 'entries' && entryIds.length === 0) {
      setProblems([
        { code: 'input.required', message: { ru: sharingRu.sharing.needEntries, en: sharingEn.sharing.needEntries } },
      ]);
      return Promise.resolve();
    }
    return run(async () =>
      onGiven(
        await client.chart.giveConsent({
          recipient: {
            name: values.name.trim(),
            organisation: values.organisation.trim(),
            specialty: values.specialty.trim(),
            email: values.email.trim(),
          },
          scope: values.scope,
          entryIds: values.scope === 'entries' ? entryIds : [],
          validUntil: values.validUntil || null,
        }),
      ),
    );
  });
  return (
    <Stack component="form" noValidate spacing={2} onSubmit={submit} aria-labelledby="consent-form-title" sx={formBox}>
      <Typography id="consent-form-title" variant="h3" component="h3">
        {t('sharing.formTitle')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('sharing.recipient')}
      </Typography>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextInput form={form} name="name" label={t('sharing.name')} autoComplete="off" />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextInput form={form} name="organisation" label={t('sharing.organisation')} autoComplete="off" />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextInput form={form} name="specialty" label={t('sharing.specialty')} autoComplete="off" />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextInput
            form={form}
            name="email"
            type="email"
            label={t('sharing.email')}
            help={t('sharing.emailHelp')}
            autoComplete="off"
          />
        </Grid>
      </Grid>
      <Controller
        control={form.control}
        name="scope"
        render={({ field }) => (
          <FormControl>
            <FormLabel id="consent-scope-label">{t('sharing.scope')}</FormLabel>
            <RadioGroup {...field} aria-labelledby="consent-scope-label">
              {shareScopes.map((item) => (
                <FormControlLabel key={item} value={item} control={<Radio />} label={t(`sharing.scopes.${item}`)} />
              ))}
            </RadioGroup>
          </FormControl>
        )}
      />
      {scope === 'entries' ? <EntryPicker chosen={entryIds} onChange={setEntryIds} /> : null}
      <TextInput
        form={form}
        name="validUntil"
        type="date"
        label={t('sharing.validUntil')}
        help={t('sharing.validUntilHelp')}
        slotProps={{ inputLabel: { shrink: true } }}
        sx={{ maxWidth: { sm: 320 } }}
      />
      <RefusalAlert problems={problems} />
      {busy ? <Busy label={t('app.loading')} /> : null}
      <Stack direction="row" spacing={1}>
        <Button type="submit" variant="contained" disabled={busy}>
          {t('sharing.save')}
        </Button>
        <Button variant="text" onClick={onCancel} disabled={busy}>
          {t('sharing.cancel')}
        </Button>
      </Stack>
    </Stack>
  );
}
