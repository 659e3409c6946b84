import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { AppointmentView } from '../../../../shared/api/appointments-calls';
import type { ApiError } from '../../../../shared/errors/app-error';
import { useApi } from '../../../api/api-context';
import { useApiQuery } from '../../../api/use-api-query';
import { usePermissions } from '../../../app/session';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { FieldList } from '../../../ui/FieldList';
import { Loading } from '../../../ui/Loading';
import { ReasonDialog } from '../../../ui/ReasonDialog';
import { AttachmentList } from './AttachmentList';
import { RefusalText } from './RefusalText';
import { appointmentWhen, statusColor, statusText } from './appointment-text';

/**
 * A booking's panel: what, when, whose; its attachments; the marks «Пришёл» / «Не явился», a move,
 * a cancel with a reason. A request the server refused says why and offers other times.
 */
export function BookingPanel({
  appointmentId,
  onClose,
  onChanged,
  onMove,
  onOfferOther,
}: {
  appointmentId: string;
  onClose(): void;
  onChanged(): void;
  /** Start moving the booking in the calendar; absent where there is no calendar. */
  onMove?(id: string): void;
  onOfferOther(appointment: AppointmentView): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const may = usePermissions();
  const titleId = useId();
  const [version, setVersion] = useState(0);
  const [cancelling, setCancelling] = useState(false);
  const [markProblem, setMarkProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const loaded = useApiQuery(`appointment:${appointmentId}:${version}`, (client) =>
    client.appointments.get({ appointmentId }),
  );
  const changed = () => {
    setVersion((value) => value + 1);
    onChanged();
  };
  const mark = async (which: 'arrived' | 'no_show') => {
    setBusy(true);
    setMarkProblem(null);
    const answer = await api.appointments.mark({ appointmentId, mark: which });
    setBusy(false);
    if (answer.ok) changed();
    else setMarkProblem(answer.error);
  };

  const data = loaded.status === 'ok' ? loaded.data : null;
  const appointment = data?.appointment;
  const active =
    appointment && ['requested', 'booked', 'arrived'].includes(appointment.status) && appointment.pending !== 'refused';
  const mayWrite = may('appointments.write');

  return (
    <Drawer
      anchor="right"
      open
      onClose={onClose}
      slotProps={{ paper: { role: 'dialog', 'aria-labelledby': titleId, sx: { width: 460, p: 3 } } }}
    >
      <Typography variant="h2" id={titleId} sx={{ mb: 2 }}>
        {t('appointments.panel.title')}
      </Typography>
      {loaded.status === 'failed' ? (
        <ApiErrorAlert title={t('appointments.panel.loadFailed')} problems={[loaded.error]} />
      ) : !data || !appointment ? (
        <Loading />
      ) : (
        <Stack spacing={2}>
          <Box>
            <Typography sx={{ fontWeight: 600, fontSize: '1.1rem' }}>{appointment.patientName}</Typography>
            <Button component={RouterLink} to={`/patients/${appointment.patientId}`} size="small" sx={{ px: 0 }}>
              {t('appointments.panel.openCard')}
            </Button>
          </Box>
          <Box>
            <Chip color={statusColor(appointment)} label={statusText(t, appointment)} variant="outlined" />
          </Box>
          {appointment.pending === 'waiting' && <Alert severity="info">{t('appointments.panel.waitingHint')}</Alert>}
          {(appointment.pending === 'refused' || appointment.status === 'refused') && (
            <Alert severity="error">
              <AlertTitle>{t('appointments.panel.refused')}</AlertTitle>
              <RefusalText code={appointment.refusedCode} />
              <Box sx={{ mt: 1 }}>
                <Button variant="outlined" color="error" size="small" onClick={() => onOfferOther(appointment)}>
                  {t('appointments.panel.offerOther')}
                </Button>
              </Box>
            </Alert>
          )}
          <FieldList
            items={[
              { label: t('appointments.panel.when'), value: appointmentWhen(appointment) },
              { label: t('appointments.panel.specialist'), value: appointment.specialistName },
              { label: t('appointments.panel.service'), value: appointment.serviceName },
              { label: t('appointments.panel.room'), value: appointment.roomName ?? '—' },
              { label: t('appointments.panel.mode'), value: t(`appointments.mode.${appointment.mode}`) },
              { label: t('appointments.panel.source'), value: t(`appointments.panel.sources.${appointment.source}`) },
              ...(appointment.note ? [{ label: t('appointments.panel.note'), value: appointment.note }] : []),
              ...(appointment.cancelReason
                ? [{ label: t('appointments.panel.cancelReason'), value: appointment.cancelReason }]
                : []),
            ]}
          />
          {mayWrite && active && (
            <Box
              role="group"
              aria-label={t('appointments.panel.title')}
              sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}
            >
              <Button variant="contained" color="success" disabled={busy} onClick={() => void mark('arrived')}>
                {t('appointments.panel.arrived')}
              </Button>
              <Button variant="outlined" disabled={busy} onClick={() => void mark('no_show')}>
                {t('appointments.panel.noShow')}
              </Button>
              {onMove && (
                <Button variant="outlined" onClick={() => onMove(appointment.id)}>
                  {t('appointments.panel.move')}
                </Button>
              )}
              <Button variant="outlined" color="error" onClick={() => setCancelling(true)}>
                {t('appointments.panel.cancel')}
              </Button>
            </Box>
          )}
          {markProblem && <ApiErrorAlert title={t('appointments.panel.markFailed')} problems={[markProblem]} />}
          <Divider />
          <AttachmentList
            appointment={appointment}
            attachments={data.attachments}
            mayAttach={mayWrite && appointment.status !== 'cancelled'}
            onAttached={changed}
          />
          <Box>
            <Button onClick={onClose}>{t('appointments.panel.close')}</Button>
          </Box>
        </Stack>
      )}
      {cancelling && (
        <ReasonDialog
          texts={{
            title: t('appointments.cancel.title'),
            intro: t('appointments.cancel.intro'),
            reason: t('appointments.cancel.reason'),
            submit: t('appointments.cancel.submit'),
            failed: t('appointments.cancel.failed'),
          }}
          send={(client, reason) => client.appointments.cancel({ appointmentId, reason })}
          onDone={() => {
            setCancelling(false);
            changed();
          }}
          onClose={() => setCancelling(false)}
        />
      )}
    </Drawer>
  );
}
