import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  appealApplicationSchema,
  supplyApplicationSchema,
  type ApplicationView,
} from '../../shared/cabinet/cabinet-api';
import { useClient } from '../api/session';
import { codeResolver } from '../forms/code-resolver';
import { TextInput } from '../forms/TextInput';
import { useSubmit } from '../forms/use-submit';
import { useTexts } from '../i18n/use-texts';
import { Busy } from '../ui/Busy';
import { formatDay } from '../ui/dates';
import { RefusalAlert } from '../ui/RefusalAlert';
import { ScanUploads, type AttachedScan } from '../ui/ScanUploads';

// The contract's own schemas: the page refuses what the server would, with its codes.
const supplySchema = supplyApplicationSchema.pick({ note: true });
const appealSchema = appealApplicationSchema;

/** While denied: supply what was missing (before its day) — the review reopens. */
export function SupplyForm({
  application,
  onDone,
}: {
  application: ApplicationView;
  onDone: (next: ApplicationView) => void;
}) {
  const { t, language } = useTexts();
  const client = useClient();
  const [scans, setScans] = useState<AttachedScan[]>([]);
  const form = useForm<{ note: string }>({ resolver: codeResolver(supplySchema), defaultValues: { note: '' } });
  const { run, busy, problems } = useSubmit(form, ['note']);
  const submit = form.handleSubmit((values) =>
    run(async () =>
      onDone(await client.supply(application.id, { note: values.note.trim(), scanIds: scans.map((s) => s.scanId) })),
    ),
  );
  return (
    <Stack component="form" noValidate spacing={2} onSubmit={submit} aria-labelledby="supply-title">
      <Typography id="supply-title" variant="h2">
        {t('status.supplyTitle')}
      </Typography>
      {application.supplyDue ? (
        <Typography>{t('status.supplyIntro', { date: formatDay(application.supplyDue, language) })}</Typography>
      ) : null}
      <TextInput form={form} name="note" label={t('status.supplyNote')} multiline minRows={2} />
      <ScanUploads headingLevel="h3" label={t('apply.scans')} scans={scans} onChange={setScans} />
      <RefusalAlert problems={problems} />
      {busy ? <Busy label={t('app.loading')} /> : null}
      <Button type="submit" variant="contained" disabled={busy}>
        {t('status.supplySubmit')}
      </Button>
    </Stack>
  );
}

/** While denied and not yet appealed: the appeal's text. */
export function AppealForm({
  application,
  onDone,
}: {
  application: ApplicationView;
  onDone: (next: ApplicationView) => void;
}) {
  const { t } = useTexts();
  const client = useClient();
  const form = useForm<{ text: string }>({ resolver: codeResolver(appealSchema), defaultValues: { text: '' } });
  const { run, busy, problems } = useSubmit(form, ['text']);
  const submit = form.handleSubmit((values) =>
    run(async () => onDone(await client.appeal(application.id, values.text.trim()))),
  );
  return (
    <Stack component="form" noValidate spacing={2} onSubmit={submit} aria-labelledby="appeal-title">
      <Typography id="appeal-title" variant="h2">
        {t('status.appealTitle')}
      </Typography>
      <TextInput form={form} name="text" label={t('status.appealText')} multiline minRows={3} />
      <RefusalAlert problems={problems} />
      <Button type="submit" variant="outlined" disabled={busy}>
        {t('status.appealSubmit')}
      </Button>
    </Stack>
  );
}
