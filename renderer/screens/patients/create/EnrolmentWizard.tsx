import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApi } from '../../../api/api-context';
import { useSessionControl } from '../../../app/session';
import { splitApiError, type FieldProblem } from '../../../forms/field-problem';
import { handleFormKeys } from '../../../forms/keyboard-flow';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { ContactsStep } from './ContactsStep';
import { DuplicatePanel } from './DuplicatePanel';
import { enrolmentSteps, lastStep, stepOf } from './enrolment-steps';
import { dropKeptDraft, keepDraft, takeKeptDraft } from './kept-draft';
import {
  emptyPatientForm,
  patientFormFields,
  precheck,
  toPatientDraft,
  type CheckMoment,
  type FormProblems,
  type PatientFormField,
  type PatientFormValues,
} from './patient-form-model';
import { PersonStep } from './PersonStep';
import { ReviewStep } from './ReviewStep';
import type { StepFieldProps } from './step-field-props';
import { duplicateQuestion, useDuplicateCandidates } from './use-duplicate-candidates';

const nameFields: readonly PatientFormField[] = ['surname', 'name', 'patronymic'];

/**
 * Enrolment (B1, B2) as a wizard in the paper form's order. Every check shows beside its field as
 * soon as the field is complete; Enter moves on, Ctrl+Enter saves from anywhere, Esc goes a step
 * back keeping what was typed. Possible duplicates stay in view beside the form: the same
 * SNILS/ЕНП/INN stops the save, a similar person must be confirmed as someone else first. The
 * main process decides: its answer to the save lands under the fields it names.
 */
export function EnrolmentWizard() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const { generation } = useSessionControl();
  const [restored] = useState(() => takeKeptDraft(generation));
  const form = useForm<PatientFormValues>({ defaultValues: restored?.values ?? emptyPatientForm });
  const [step, setStep] = useState(restored?.step ?? 0);
  const [judgedSteps, setJudgedSteps] = useState<ReadonlySet<number>>(new Set());
  const [serverProblems, setServerProblems] = useState<FormProblems>({});
  const [failure, setFailure] = useState<FieldProblem[] | null>(null);
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const [blockedBy, setBlockedBy] = useState<'hardStop' | 'confirm' | null>(null);
  const [saving, setSaving] = useState(false);
  const [focusField, setFocusField] = useState<PatientFormField | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  const saved = useRef(false);

  const values = form.watch();
  const duplicates = useDuplicateCandidates(values);
  const touched = form.formState.touchedFields;
  const momentOf = (field: PatientFormField): CheckMoment => (judgedSteps.has(stepOf(field)) ? 'final' : touched[field] ? 'left' : 'live');
  const checks = precheck(values, momentOf);
  const problemOf = (field: PatientFormField) => serverProblems[field] ?? checks[field];

  // Leaving without saving (to look at a candidate's card, say) keeps the draft for the way back.
  const latest = useRef({ values, step });
  latest.current = { values, step };
  useEffect(
    () => () => {
      if (!saved.current) keepDraft({ generation, ...latest.current, values: { ...latest.current.values } });
    },
    [generation],
  );

  useEffect(() => {
    if (!focusField) return;
    form.setFocus(focusField);
    setFocusField(null);
  }, [focusField, form]);

  // Editing a field retires the main process's word about it; the next save asks again. The
  // citizenship flag changes what the names may hold, so it retires their words too.
  const onEdit = (field: PatientFormField) => {
    const retired = field === 'foreign' ? nameFields : [field];
    setServerProblems((prior) => (retired.some((name) => prior[name]) ? Object.fromEntries(Object.entries(prior).filter(([name]) => !retired.includes(name as PatientFormField))) : prior));
    if (blockedBy === 'hardStop') setBlockedBy(null);
  };

  const firstProblem = (problems: FormProblems, fields: readonly PatientFormField[]) => fields.find((field) => problems[field]);

  /** Opens the step holding `field` and puts the caret there. */
  const goToField = (field: PatientFormField) => {
    setStep(stepOf(field));
    setFocusField(field);
  };

  const next = () => {
    const fields = enrolmentSteps[step]!.fields;
    setJudgedSteps((prior) => new Set([...prior, step]));
    const bad = firstProblem({ ...precheck(values, () => 'final'), ...serverProblems }, fields);
    if (bad) {
      form.setFocus(bad);
      return;
    }
    setStep(Math.min(step + 1, lastStep));
  };

  const back = () => setStep((current) => Math.max(current - 1, 0));

  const save = async () => {
    if (saving) return;
    setJudgedSteps(new Set(enrolmentSteps.map((_, index) => index)));
    const bad = firstProblem({ ...precheck(values, () => 'final'), ...serverProblems }, patientFormFields);
    if (bad || values.sex === '') {
      goToField(bad ?? 'sex');
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      // Asked afresh: the panel may still be waiting for the clerk to stop typing.
      const question = duplicateQuestion(values);
      const found = question ? await api.patients.duplicates(question) : null;
      if (found && !found.ok) {
        setFailure([found.error]);
        return;
      }
      const items = found?.data.items ?? [];
      const blocker = items.some((item) => item.hardStop) ? 'hardStop' : items.some((item) => !confirmed.has(item.id)) ? 'confirm' : null;
      setBlockedBy(blocker);
      if (blocker) {
        panelHeading.current?.focus();
        return;
      }
      const envelope = await api.patients.create(toPatientDraft({ ...values, sex: values.sex }));
      if (envelope.ok) {
        saved.current = true;
        dropKeptDraft();
        navigate(`/patients/${envelope.data.id}`, { state: { created: true } });
        return;
      }
      const { byField, general } = splitApiError(envelope.error, patientFormFields);
      setServerProblems(byField);
      setFailure(general);
      const first = firstProblem(byField, patientFormFields);
      if (first) goToField(first);
    } finally {
      setSaving(false);
    }
  };

  const cancel = () => {
    saved.current = true; // nothing to keep: the clerk chose to drop it
    dropKeptDraft();
    navigate('/patients');
  };

  // Esc steps back from within the wizard or from nowhere (focus is on nothing after coming back
  // to it); not from the top search box, whose Esc is its own, nor once something else used it.
  const screenRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onEscape = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target as Node;
      if (target !== document.body && !screenRef.current?.contains(target)) return;
      event.preventDefault();
      setStep((current) => Math.max(current - 1, 0));
    };
    document.addEventListener('keydown', onEscape);
    return () => document.removeEventListener('keydown', onEscape);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Inside the form its own key flow runs (Ctrl+Enter there saves); here, the panel beside it.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !formRef.current?.contains(event.target as Node)) {
      event.preventDefault();
      void save();
    }
  };

  const onConfirm = (id: string, different: boolean) => {
    setConfirmed((prior) => {
      const nextSet = new Set(prior);
      if (different) nextSet.add(id);
      else nextSet.delete(id);
      return nextSet;
    });
    if (blockedBy === 'confirm') setBlockedBy(null);
  };

  const stepProps: StepFieldProps = {
    field: (name) => ({ name, label: t(`patients.fields.${name}`), problem: problemOf(name), onEdit }),
    problemOf,
    onEdit,
  };
  const hardStop = duplicates.status === 'ok' && duplicates.data.some((item) => item.hardStop);
  const onReview = step === lastStep;

  return (
    <FormProvider {...form}>
      <Box ref={screenRef} onKeyDown={onKeyDown} sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) 380px' }, gap: 3, alignItems: 'start', maxWidth: 1440 }}>
        <Paper
          component="form"
          ref={formRef}
          variant="outlined"
          noValidate
          aria-label={t('patients.form.title')}
          onSubmit={(event) => {
            event.preventDefault();
            if (onReview) void save();
            else next();
          }}
          onKeyDown={(event) => handleFormKeys(event, () => void save())}
          sx={{ p: { xs: 2, md: 3 } }}
        >
          <Stepper activeStep={step} sx={{ mb: 3 }}>
            {enrolmentSteps.map((each, index) => (
              <Step key={each.id} completed={index < step}>
                <StepLabel>{t(`patients.form.steps.${each.id}`)}</StepLabel>
              </Step>
            ))}
          </Stepper>
          <Typography variant="h2" sx={{ fontSize: '1.25rem', mb: 2 }}>
            {t(`patients.form.steps.${enrolmentSteps[step]!.id}`)}
          </Typography>
          {step === 0 && <PersonStep {...stepProps} />}
          {step === 1 && <ContactsStep {...stepProps} />}
          {onReview && <ReviewStep values={values} />}
          {failure && (
            <Box sx={{ mt: 2 }}>
              <ApiErrorAlert title={t('patients.form.failed')} problems={failure}>
                {failure.length === 0 && t('patients.form.fixFields')}
              </ApiErrorAlert>
            </Box>
          )}
          {blockedBy && (
            <Typography role="alert" color="error" sx={{ mt: 2, fontWeight: 600 }}>
              {t(blockedBy === 'hardStop' ? 'patients.form.blockedHardStop' : 'patients.form.blockedConfirm')}
            </Typography>
          )}
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 3, flexWrap: 'wrap' }}>
            {step > 0 && (
              <Button type="button" variant="outlined" onClick={back}>
                {t('patients.form.back')}
              </Button>
            )}
            <Button type="submit" variant="contained" disabled={saving || (onReview && hardStop)} autoFocus={onReview}>
              {onReview ? (saving ? t('patients.form.saving') : t('patients.form.save')) : t('patients.form.next')}
            </Button>
            <Button type="button" onClick={cancel}>
              {t('patients.form.cancel')}
            </Button>
            <Typography variant="body2" color="text.secondary">
              {t('patients.form.keyboardHint')}
            </Typography>
          </Box>
        </Paper>
        <DuplicatePanel state={duplicates} confirmed={confirmed} onConfirm={onConfirm} blocked={blockedBy !== null} headingRef={panelHeading} />
      </Box>
    </FormProvider>
  );
}
