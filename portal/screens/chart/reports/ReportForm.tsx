import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Controller, useForm } from 'react-hook-form';
import type { ChartReport } from '../../../../shared/chart/chart-views';
import { inaccuracyKinds, inaccuracyReportRequestSchema } from '../../../../shared/chart/inaccuracy';
import { useClient } from '../../../api/session';
import { codeResolver } from '../../../forms/code-resolver';
import { TextInput } from '../../../forms/TextInput';
import { useSubmit } from '../../../forms/use-submit';
import { useTexts } from '../../../i18n/use-texts';
import { Busy } from '../../../ui/Busy';
import { formBox } from '../../../ui/form-box';
import { RefusalAlert } from '../../../ui/RefusalAlert';

type Kind = (typeof inaccuracyKinds)[number];
interface Values {
  kind: Kind;
  text: string;
}

// The contract's own schema: the page refuses what the server would, with its codes.
const schema = inaccuracyReportRequestSchema.omit({ entryId: true });

/** «Сообщить о неточности» about one entry: what is wrong (in words) and the patient's text. */
export function ReportForm({
  entryId,
  onSent,
  onCancel,
}: {
  entryId: string;
  onSent: (report: ChartReport) => void;
  onCancel: () => void;
}) {
  const { t } = useTexts();
  const client = useClient();
  const form = useForm<Values>({ resolver: codeResolver(schema), defaultValues: { kind: 'wrong_fact', text: '' } });
  const { run, busy, problems } = useSubmit(form, ['kind', 'text']);
  const submit = form.handleSubmit((values) =>
    run(async () => onSent(await client.chart.report({ entryId, kind: values.kind, text: values.text.trim() }))),
  );
  return (
    <Stack component="form" noValidate spacing={2} onSubmit={submit} aria-labelledby="report-form-title" sx={formBox}>
      <Typography id="report-form-title" variant="h3" component="h3">
        {t('reports.formTitle')}
      </Typography>
      <Controller
        control={form.control}
        name="kind"
        render={({ field }) => (
          <FormControl>
            <FormLabel id="report-kind-label">{t('reports.whatWrong')}</FormLabel>
            <RadioGroup {...field} aria-labelledby="report-kind-label">
              {inaccuracyKinds.map((kind) => (
                <FormControlLabel key={kind} value={kind} control={<Radio />} label={t(`reports.kinds.${kind}`)} />
              ))}
            </RadioGroup>
          </FormControl>
        )}
      />
      <TextInput
        form={form}
        name="text"
        label={t('reports.text')}
        help={t('reports.textHelp')}
        multiline
        minRows={3}
        slotProps={{ htmlInput: { maxLength: 4000 } }}
      />
      <RefusalAlert problems={problems} />
      {busy ? <Busy label={t('reports.sending')} /> : null}
      <Stack direction="row" spacing={1}>
        <Button type="submit" variant="contained" disabled={busy}>
          {t('reports.send')}
        </Button>
        <Button variant="text" onClick={onCancel} disabled={busy}>
          {t('reports.cancel')}
        </Button>
      </Stack>
    </Stack>
  );
}
