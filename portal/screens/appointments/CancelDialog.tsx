import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { appointmentSchema } from '../../../shared/appointments/schedule';
import type { CabinetAppointment } from '../../../shared/cabinet/appointments-api';
import { useClient } from '../../api/session';
import { codeResolver } from '../../forms/code-resolver';
import { TextInput } from '../../forms/TextInput';
import { useSubmit } from '../../forms/use-submit';
import { useTexts } from '../../i18n/use-texts';
import { Busy } from '../../ui/Busy';
import { RefusalAlert } from '../../ui/RefusalAlert';
import { useWhen } from './use-when';

// The booking's own limit on a cancellation's reason (the synced row's `cancelReason`).
const schema = z.object({ reason: appointmentSchema.shape.cancelReason.unwrap() });

/** «Отменить запись?»: the visit named, an optional reason, and the choice to keep it. */
export function CancelDialog({
  visit,
  onCancelled,
  onClose,
}: {
  visit: CabinetAppointment;
  onCancelled: (visit: CabinetAppointment) => void;
  onClose: () => void;
}) {
  const { t } = useTexts();
  const client = useClient();
  const when = useWhen()(visit.startsAt, visit.endsAt);
  const form = useForm<{ reason: string }>({ resolver: codeResolver(schema), defaultValues: { reason: '' } });
  const { run, busy, problems } = useSubmit(form, ['reason']);
  const submit = form.handleSubmit((values) =>
    run(async () => onCancelled(await client.appointments.cancel(visit.id, values.reason.trim() || null))),
  );
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="cancel-title" aria-describedby="cancel-text">
      <Stack component="form" noValidate onSubmit={submit}>
        <DialogTitle id="cancel-title">{t('appointments.cancelTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText id="cancel-text">
              {t('appointments.cancelText', { when, specialist: visit.specialistName })}
            </DialogContentText>
            <TextInput
              form={form}
              name="reason"
              label={t('appointments.cancelReason')}
              multiline
              minRows={2}
              slotProps={{ htmlInput: { maxLength: 500 } }}
            />
            {busy ? <Busy label={t('appointments.cancelling')} /> : null}
            <RefusalAlert problems={problems} />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ flexWrap: 'wrap', gap: 1, px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('appointments.cancelKeep')}
          </Button>
          <Button type="submit" variant="contained" color="error" disabled={busy}>
            {t('appointments.cancelConfirm')}
          </Button>
        </DialogActions>
      </Stack>
    </Dialog>
  );
}
