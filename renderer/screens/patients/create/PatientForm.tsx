import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { FormProvider, useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApi } from '../../../api/api-context';
import { problemFromCode, splitApiError, type FieldProblem } from '../../../forms/field-problem';
import { handleFormKeys } from '../../../forms/keyboard-flow';
import { dateMask, phoneMask, snilsMask } from '../../../forms/masks';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import {
  emptyPatientForm,
  patientFormFields,
  precheck,
  toPatientDraft,
  type PatientFormField,
  type PatientFormValues,
} from './patient-form-model';
import { PatientTextField } from './PatientTextField';
import { SexField } from './SexField';

type Problems = Partial<Record<PatientFormField, FieldProblem>>;

function ruleProblem(error: FieldError | undefined): FieldProblem | undefined {
  return error?.message ? problemFromCode(error.message) : undefined;
}

/**
 * The create-patient form (B1). Pre-checks show as soon as a masked field is complete; on save
 * the main process's answer is authoritative: each issue goes under its field, the rest into
 * one alert above the buttons.
 */
export function PatientForm() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const form = useForm<PatientFormValues>({ defaultValues: emptyPatientForm, mode: 'onSubmit', reValidateMode: 'onChange' });
  const [serverProblems, setServerProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<FieldProblem[] | null>(null);

  const checks = precheck(form.watch());
  const problemOf = (field: PatientFormField) =>
    serverProblems[field] ?? checks[field] ?? ruleProblem(form.formState.errors[field]);

  // Editing a field retires the server's word about it; the next save asks again.
  const onEdit = (field: PatientFormField) =>
    setServerProblems((prior) => (prior[field] ? { ...prior, [field]: undefined } : prior));

  const save = form.handleSubmit(async (values) => {
    const prechecked = precheck(values);
    const firstChecked = patientFormFields.find((field) => prechecked[field]);
    if (firstChecked) {
      form.setFocus(firstChecked);
      return;
    }
    if (values.sex === '') return; // the required rule has already said so
    setFailure(null);
    const envelope = await api.patients.create(toPatientDraft({ ...values, sex: values.sex }));
    if (envelope.ok) {
      navigate(`/patients/${envelope.data.id}`, { state: { created: true } });
      return;
    }
    const { byField, general } = splitApiError(envelope.error, patientFormFields);
    setServerProblems(byField);
    setFailure(general);
    const first = patientFormFields.find((field) => byField[field]);
    if (first) form.setFocus(first);
  });

  const submitting = form.formState.isSubmitting;
  const text = (name: Exclude<PatientFormField, 'sex'>) => ({
    name,
    label: t(`patients.fields.${name}`),
    problem: problemOf(name),
    onEdit,
  });

  return (
    <FormProvider {...form}>
      <Paper
        component="form"
        variant="outlined"
        noValidate
        aria-label={t('patients.form.title')}
        onSubmit={(event) => void save(event)}
        onKeyDown={(event) => handleFormKeys(event, () => void (submitting ? undefined : save()))}
        sx={{ p: { xs: 2, md: 3 }, maxWidth: 1040 }}
      >
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' }, columnGap: 2, rowGap: 2 }}>
          <PatientTextField {...text('surname')} required autoFocus />
          <PatientTextField {...text('name')} required />
          <PatientTextField {...text('patronymic')} />
          <PatientTextField {...text('birthDate')} required mask={dateMask} placeholder={t('patients.form.datePlaceholder')} inputMode="numeric" />
          <Box sx={{ gridColumn: { md: 'span 2' } }}>
            <SexField problem={problemOf('sex')} onEdit={onEdit} />
          </Box>
          <PatientTextField {...text('snils')} mask={snilsMask} placeholder={snilsMask.template} inputMode="numeric" />
          <PatientTextField {...text('phone')} mask={phoneMask} placeholder={phoneMask.template} inputMode="tel" />
        </Box>
        {failure && (
          <Box sx={{ mt: 2 }}>
            <ApiErrorAlert title={t('patients.form.failed')} problems={failure}>
              {failure.length === 0 && t('patients.form.fixFields')}
            </ApiErrorAlert>
          </Box>
        )}
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 3, flexWrap: 'wrap' }}>
          <Button type="submit" variant="contained" disabled={submitting}>
            {submitting ? t('patients.form.saving') : t('patients.form.save')}
          </Button>
          <Button type="button" variant="outlined" onClick={() => navigate('/patients')}>
            {t('patients.form.cancel')}
          </Button>
          <Typography variant="body2" color="text.secondary">
            {t('patients.form.keyboardHint')}
          </Typography>
        </Box>
      </Paper>
    </FormProvider>
  );
}
