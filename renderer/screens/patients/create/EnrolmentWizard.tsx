import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { handleFormKeys } from '../../../forms/keyboard-flow';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { ContactsStep } from './ContactsStep';
import { DuplicatePanel } from './DuplicatePanel';
import { enrolmentSteps } from './enrolment-steps';
import { PersonStep } from './PersonStep';
import { ReviewStep } from './ReviewStep';
import type { StepFieldProps } from './step-field-props';
import { useEnrolment } from './use-enrolment';

/**
 * Enrolment (B1, B2) as a wizard in the paper form's order. Every check shows beside its field as
 * soon as the field is complete; Enter moves on, Ctrl+Enter saves from anywhere, Esc goes a step
 * back keeping what was typed. Possible duplicates stay in view beside the form: the same
 * SNILS/ЕНП/INN stops the save, a similar person must be confirmed as someone else first. The
 * main process decides: its answer to the save lands under the fields it names.
 */
export function EnrolmentWizard() {
  const { t } = useTranslation();
  const enrolment = useEnrolment();
  const { form, values, step, onReview, next, back, save, cancel, problemOf, onEdit, failure, saving } = enrolment;
  const { duplicates, hardStop, confirmed, onConfirm, blockedBy } = enrolment;
  const formRef = useRef<HTMLFormElement>(null);

  // Esc steps back from within the wizard or from nowhere (focus is on nothing after coming back
  // to it); not from the top search box, whose Esc is its own, nor once something else used it.
  const screenRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onEscape = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target as Node;
      if (target !== document.body && !screenRef.current?.contains(target)) return;
      event.preventDefault();
      back();
    };
    document.addEventListener('keydown', onEscape);
    return () => document.removeEventListener('keydown', onEscape);
    // `back` only steps the wizard's own state back; a new closure each render changes nothing.
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Inside the form its own key flow runs (Ctrl+Enter there saves); here, the panel beside it.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !formRef.current?.contains(event.target as Node)) {
      event.preventDefault();
      void save();
    }
  };

  const stepProps: StepFieldProps = {
    field: (name) => ({ name, label: t(`patients.fields.${name}`), problem: problemOf(name), onEdit }),
    problemOf,
    onEdit,
  };

  return (
    <FormProvider {...form}>
      <Box
        ref={screenRef}
        onKeyDown={onKeyDown}
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) 380px' },
          gap: 3,
          alignItems: 'start',
          maxWidth: 1440,
        }}
      >
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
        <DuplicatePanel
          state={duplicates}
          confirmed={confirmed}
          onConfirm={onConfirm}
          blocked={blockedBy !== null}
          headingRef={enrolment.panelHeading}
        />
      </Box>
    </FormProvider>
  );
}
