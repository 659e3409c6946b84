import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/use-api-mutation';
import type { Session } from '../../app/session';
import { AuthLayout } from '../../auth/AuthLayout';
import { KeyEnrolment } from '../../auth/KeyEnrolment';
import { NewPasswordFields } from '../../auth/NewPasswordFields';
import { RecoveryCodesPanel } from '../../auth/RecoveryCodesPanel';
import { sortNewPasswordRefusal, useNewPasswordForm } from '../../auth/use-new-password-form';
import { AccountNameFields } from '../../auth/AccountNameFields';
import { handleFormKeys } from '../../forms/keyboard-flow';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';

type Progress =
  | { step: 'account' }
  | { step: 'key'; session: Session; codes: string[] }
  | { step: 'codes'; session: Session; codes: string[] };

const steps = ['account', 'key', 'codes'] as const;

/**
 * The desk's first run (A1): the first administrator's account, their key, their recovery codes
 * — in this order, and nothing else reachable before the codes are confirmed kept.
 */
export function FirstRunScreen({ onStarted, onDone }: { onStarted: () => void; onDone: (session: Session) => void }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<Progress>({ step: 'account' });
  const active = steps.indexOf(progress.step);
  return (
    <AuthLayout title={t('firstRun.title')} maxWidth={640}>
      <Stepper activeStep={active} sx={{ mb: 3 }} aria-label={t('firstRun.stepsLabel')}>
        {steps.map((step) => (
          <Step key={step}>
            <StepLabel>{t(`firstRun.steps.${step}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      {progress.step === 'account' && (
        <FirstAdminForm
          onCreated={(session, codes) => {
            onStarted();
            setProgress({ step: 'key', session, codes });
          }}
        />
      )}
      {progress.step === 'key' && (
        <>
          <Typography variant="h2" sx={{ mb: 1 }}>
            {t('firstRun.keyTitle')}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {t('firstRun.keyIntro')}
          </Typography>
          <KeyEnrolment
            staffId={progress.session.actor?.id ?? ''}
            autoFocus
            onEnrolled={(enrolled) => setProgress({ step: 'codes', session: enrolled.session, codes: progress.codes })}
          />
        </>
      )}
      {progress.step === 'codes' && (
        <>
          <Alert severity="success" sx={{ mb: 2 }}>
            {t('firstRun.keyDone')}
          </Alert>
          <Typography variant="h2" sx={{ mb: 1 }}>
            {t('recovery.title')}
          </Typography>
          <RecoveryCodesPanel
            codes={progress.codes}
            onDone={() => onDone(progress.session)}
            doneLabel={t('firstRun.finish')}
          />
        </>
      )}
    </AuthLayout>
  );
}

const fields = ['login', 'displayName', 'password'] as const;

function FirstAdminForm({ onCreated }: { onCreated: (session: Session, codes: string[]) => void }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const mutation = useApiMutation(
    (api, input: { login: string; displayName: string; password: string }) => api.auth.setupFirstAdmin(input),
    {
      sort: sortNewPasswordRefusal(fields),
      onSuccess: (done) => onCreated(done.session, done.recoveryCodes),
    },
  );
  const form = useNewPasswordForm(mutation);
  const { byField, general } = mutation.problems;

  function create(event?: FormEvent) {
    void form.submit(event, { login, displayName, password: form.password });
  }

  return (
    <Box component="form" noValidate onSubmit={create} onKeyDown={(event) => handleFormKeys(event, create)}>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('firstRun.intro')}
      </Typography>
      {general.length > 0 && (
        <Box sx={{ mb: 2 }}>
          <ApiErrorAlert title={t('firstRun.failed')} problems={general} />
        </Box>
      )}
      <AccountNameFields
        login={login}
        displayName={displayName}
        onLogin={setLogin}
        onDisplayName={setDisplayName}
        problems={byField}
        own={true}
      />
      <NewPasswordFields {...form.fields} label={t('password.password')} />
      <Button type="submit" variant="contained" disabled={form.busy} sx={{ mt: 1 }}>
        {t('firstRun.create')}
      </Button>
    </Box>
  );
}
