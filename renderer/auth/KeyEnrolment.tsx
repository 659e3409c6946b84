import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/api/contract';
import type { ApiError } from '../../shared/errors/app-error';
import { useApi } from '../api/api-context';
import { ApiErrorAlert } from '../ui/ApiErrorAlert';
import { KeyPrompt } from './KeyPrompt';
import type { KeyProblem } from './security-key';
import { useSecurityKey } from './use-security-key';

export type EnrolledKey = CallOutput<'account.finishKeyEnrolment'>;

/**
 * Registers a security key to a person, who stands at the desk with it: a name for the key,
 * then a touch. An admin does it for someone else with that person's `staffId`.
 */
export function KeyEnrolment({
  staffId,
  onEnrolled,
  autoFocus = false,
  submitLabel,
}: {
  staffId: string;
  onEnrolled: (enrolled: EnrolledKey) => void;
  autoFocus?: boolean;
  submitLabel?: string;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { makeKey } = useSecurityKey();
  const [name, setName] = useState(() => t('key.defaultName'));
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<KeyProblem | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [nameMissing, setNameMissing] = useState(false);

  async function enrol(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (name.trim() === '') {
      setNameMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    setProblem(null);
    try {
      const begun = await api.account.beginKeyEnrolment({ staffId });
      if (!begun.ok) return setError(begun.error);
      setAsking(true);
      const outcome = await makeKey(begun.data.publicKey);
      setAsking(false);
      if (!outcome.ok) return setProblem(outcome.problem);
      const finished = await api.account.finishKeyEnrolment({
        attemptId: begun.data.attemptId,
        name: name.trim(),
        answer: outcome.answer,
      });
      if (!finished.ok) return setError(finished.error);
      onEnrolled(finished.data);
    } finally {
      setAsking(false);
      setBusy(false);
    }
  }

  return (
    <Box component="form" noValidate onSubmit={(event) => void enrol(event)}>
      {error && (
        <Box sx={{ mb: 2 }}>
          <ApiErrorAlert title={t('key.enrolFailed')} problems={[error]} />
        </Box>
      )}
      <KeyPrompt asking={asking} problem={problem} text={t('key.enrolPrompt')} />
      <TextField
        label={t('key.name')}
        required
        fullWidth
        autoFocus={autoFocus}
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          setNameMissing(false);
        }}
        error={nameMissing}
        helperText={nameMissing ? t('key.nameMissing') : t('key.nameHint')}
        slotProps={{ htmlInput: { maxLength: 60, autoComplete: 'off' } }}
      />
      <Button type="submit" variant="contained" disabled={busy} sx={{ mt: 2 }}>
        {problem ? t('key.retryEnrol') : (submitLabel ?? t('key.enrol'))}
      </Button>
    </Box>
  );
}
