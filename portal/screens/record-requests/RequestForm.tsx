import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Grid from '@mui/material/Grid';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { Controller, useForm, type FieldPath } from 'react-hook-form';
import type { Representation } from '../../../shared/cabinet/cabinet-api';
import {
  recordPurposeMax,
  type RecordRequestCodeSent,
  type RecordRequestDraftInput,
} from '../../../shared/cabinet/record-requests-api';
import {
  recordFormats,
  recordMaterials,
  type RecordFormat,
  type RecordMaterial,
} from '../../../shared/rights/record-requests';
import { useClient } from '../../api/session';
import { readProblem } from '../../forms/code-resolver';
import { TextInput } from '../../forms/TextInput';
import { useSubmit } from '../../forms/use-submit';
import { useTexts } from '../../i18n/use-texts';
import { Busy } from '../../ui/Busy';
import { ProblemText } from '../../ui/ProblemText';
import { RefusalAlert } from '../../ui/RefusalAlert';

export interface RequestValues {
  patientId: string;
  purpose: string;
  sections: RecordMaterial[];
  from: string;
  to: string;
  formats: RecordFormat[];
  channel: 'sms' | 'email';
}

export const emptyRequest: RequestValues = {
  patientId: '',
  purpose: '',
  sections: ['all'],
  from: '',
  to: '',
  formats: ['pdf'],
  channel: 'sms',
};

/** The draft as the server takes it (shared/cabinet/record-requests-api.ts). */
export function draftOf(values: RequestValues, self: string | undefined): RecordRequestDraftInput {
  return {
    ...(values.patientId && values.patientId !== self ? { patientId: values.patientId } : {}),
    purpose: values.purpose,
    materials: {
      sections: values.sections,
      ...(values.from ? { from: values.from } : {}),
      ...(values.to ? { to: values.to } : {}),
    },
    formats: values.formats,
    channel: values.channel,
  };
}

const fields: readonly FieldPath<RequestValues>[] = [
  'patientId',
  'purpose',
  'sections',
  'from',
  'to',
  'formats',
  'channel',
];

/** The server's field names (`materials.sections.0`, `formats.1`) as the form's. */
function formField(apiField: string): string {
  if (apiField.startsWith('materials.sections')) return 'sections';
  if (apiField === 'materials.from' || apiField === 'materials.to') return apiField.slice('materials.'.length);
  if (apiField.startsWith('formats')) return 'formats';
  return apiField;
}

/** «Все» stands alone: choosing it clears the sections, choosing a section clears it. */
function toggleSection(current: readonly RecordMaterial[], section: RecordMaterial, on: boolean): RecordMaterial[] {
  if (!on) return current.filter((one) => one !== section);
  if (section === 'all') return ['all'];
  return [...current.filter((one) => one !== 'all'), section];
}

/**
 * «Запросить документы»: whose records (when the account represents someone), why, what and in
 * which form; the server checks the draft and sends the confirmation code.
 */
export function RequestForm({
  initial,
  persons,
  onSent,
}: {
  initial: RequestValues;
  persons: Representation['persons'];
  onSent: (values: RequestValues, sent: RecordRequestCodeSent) => void;
}) {
  const { t } = useTexts();
  const client = useClient();
  const form = useForm<RequestValues>({ defaultValues: initial });
  const { run, busy, problems } = useSubmit(form, fields, formField);
  const self = persons.find((person) => person.self)?.patientId;
  const submit = form.handleSubmit((values) =>
    run(async () => onSent(values, await client.recordRequests.sendCode(draftOf(values, self)))),
  );
  const problemOf = (name: 'sections' | 'formats') =>
    readProblem(form.formState.errors[name] as { type?: unknown; message?: unknown } | undefined);
  const others = persons.filter((person) => !person.self);
  return (
    <Stack component="form" noValidate spacing={2.5} onSubmit={submit} aria-label={t('recordRequests.form.title')}>
      {others.length > 0 ? (
        <Controller
          control={form.control}
          name="patientId"
          render={({ field }) => (
            <FormControl>
              <FormLabel id="request-person-label">{t('recordRequests.form.person')}</FormLabel>
              <RadioGroup {...field} value={field.value || self || ''} aria-labelledby="request-person-label">
                {persons.map((person) => (
                  <FormControlLabel
                    key={person.patientId}
                    value={person.patientId}
                    control={<Radio />}
                    label={
                      person.self
                        ? t('recordRequests.form.self')
                        : [person.surname, person.name, person.patronymic].filter(Boolean).join(' ')
                    }
                  />
                ))}
              </RadioGroup>
            </FormControl>
          )}
        />
      ) : null}
      <TextInput
        form={form}
        name="purpose"
        label={t('recordRequests.form.purpose')}
        help={t('recordRequests.form.purposeHelp')}
        multiline
        minRows={2}
        required
        slotProps={{ htmlInput: { maxLength: recordPurposeMax } }}
      />
      <Controller
        control={form.control}
        name="sections"
        render={({ field }) => (
          <FormControl component="fieldset" error={problemOf('sections') !== null}>
            <FormLabel component="legend">{t('recordRequests.form.materials')}</FormLabel>
            <FormGroup sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
              {recordMaterials.map((section) => (
                <FormControlLabel
                  key={section}
                  control={
                    <Checkbox
                      checked={field.value.includes(section)}
                      onChange={(event) => field.onChange(toggleSection(field.value, section, event.target.checked))}
                    />
                  }
                  label={t(`recordRequests.materials.${section}`)}
                />
              ))}
            </FormGroup>
            {problemOf('sections') ? (
              <FormHelperText>
                <ProblemText problem={problemOf('sections')!} />
              </FormHelperText>
            ) : null}
          </FormControl>
        )}
      />
      <FormControl component="fieldset">
        <FormLabel component="legend">{t('recordRequests.form.period')}</FormLabel>
        <Grid container spacing={2} sx={{ mt: 1 }}>
          {(['from', 'to'] as const).map((name) => {
            const found = readProblem(form.formState.errors[name] as { type?: unknown; message?: unknown } | undefined);
            return (
              <Grid key={name} size={{ xs: 6, md: 4 }}>
                <TextField
                  {...form.register(name)}
                  id={`field-${name}`}
                  type="date"
                  label={t(`recordRequests.form.${name}`)}
                  slotProps={{ inputLabel: { shrink: true } }}
                  error={found !== null}
                  helperText={found ? <ProblemText problem={found} /> : undefined}
                  fullWidth
                />
              </Grid>
            );
          })}
        </Grid>
      </FormControl>
      <Controller
        control={form.control}
        name="formats"
        render={({ field }) => (
          <FormControl component="fieldset" error={problemOf('formats') !== null}>
            <FormLabel component="legend">{t('recordRequests.form.formats')}</FormLabel>
            <FormGroup>
              {recordFormats.map((format) => (
                <FormControlLabel
                  key={format}
                  control={
                    <Checkbox
                      checked={field.value.includes(format)}
                      onChange={(event) =>
                        field.onChange(
                          event.target.checked
                            ? recordFormats.filter((one) => one === format || field.value.includes(one))
                            : field.value.filter((one) => one !== format),
                        )
                      }
                    />
                  }
                  label={t(`recordRequests.formats.${format}`)}
                />
              ))}
            </FormGroup>
            {problemOf('formats') ? (
              <FormHelperText>
                <ProblemText problem={problemOf('formats')!} />
              </FormHelperText>
            ) : null}
          </FormControl>
        )}
      />
      <Controller
        control={form.control}
        name="channel"
        render={({ field }) => (
          <FormControl>
            <FormLabel id="request-channel-label">{t('recordRequests.form.channel')}</FormLabel>
            <RadioGroup {...field} row aria-labelledby="request-channel-label">
              <FormControlLabel value="sms" control={<Radio />} label={t('recordRequests.form.sms')} />
              <FormControlLabel value="email" control={<Radio />} label={t('recordRequests.form.email')} />
            </RadioGroup>
          </FormControl>
        )}
      />
      <RefusalAlert problems={problems} />
      {busy ? <Busy label={t('recordRequests.form.sending')} /> : null}
      <Button type="submit" variant="contained" disabled={busy} sx={{ alignSelf: 'flex-start' }}>
        {t('recordRequests.form.send')}
      </Button>
    </Stack>
  );
}
