import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { PatientSummary } from '../../../shared/domain/patient';
import { useApiMutation } from '../../api/use-api-mutation';
import { formatDateTime } from '../../format/date-time';
import { fullName } from '../../format/person-name';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../ui/DialogFormActions';
import { announceApplicationChange } from './application-events';

/**
 * «Принять заявление» on the patient card: an application for online access taken at the desk
 * for a patient in person (C1), urgent or not. The desk refuses it without a consent in force.
 */
export function TakeApplicationButton({
  patient,
}: {
  patient: Pick<PatientSummary, 'id' | 'surname' | 'name' | 'patronymic'>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [urgent, setUrgent] = useState(false);
  const [taken, setTaken] = useState<{ id: string; number: string; dueAt: string } | null>(null);
  const take = useApiMutation(
    (api, input: { patientId: string; urgent: boolean }) => api.applications.takeAtDesk(input),
    {
      onSuccess: (data) => {
        setTaken(data);
        setOpen(false);
        announceApplicationChange();
      },
    },
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    void take.run({ patientId: patient.id, urgent });
  }

  return (
    <>
      <Button variant="outlined" onClick={() => setOpen(true)}>
        {t('applications.take.button')}
      </Button>
      {taken && (
        <Alert severity="success" onClose={() => setTaken(null)} sx={{ mt: 1 }}>
          {t('applications.take.done', { number: taken.number, at: formatDateTime(taken.dueAt) })}{' '}
          <Link component={RouterLink} to={`/applications/${taken.id}`}>
            {t('applications.take.open')}
          </Link>
        </Alert>
      )}
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <form onSubmit={submit}>
          <DialogTitle>{t('applications.take.title', { name: fullName(patient) })}</DialogTitle>
          <DialogContent>
            <Typography color="text.secondary" sx={{ mb: 2 }}>
              {t('applications.take.intro')}
            </Typography>
            {take.error && <ApiErrorAlert title={t('applications.take.failed')} problems={[take.error]} />}
            <FormControlLabel
              control={<Checkbox checked={urgent} onChange={(_, checked) => setUrgent(checked)} />}
              label={t('applications.take.urgent')}
            />
          </DialogContent>
          <DialogFormActions
            onCancel={() => setOpen(false)}
            busy={take.busy}
            submitLabel={t('applications.take.submit')}
          />
        </form>
      </Dialog>
    </>
  );
}
