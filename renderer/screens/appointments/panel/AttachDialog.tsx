import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormHelperText from '@mui/material/FormHelperText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentKinds, type AttachmentKind } from '../../../../shared/appointments/schedule';
import type { ScanPurpose } from '../../../../shared/scans/scan-purpose';
import { useApiMutation } from '../../../api/use-api-mutation';
import { useApiQuery } from '../../../api/use-api-query';
import { usePermissions } from '../../../app/session';
import { FieldMessage } from '../../../forms/FieldMessage';
import { problemFromCode, type FieldProblem } from '../../../forms/field-problem';
import { handleFormKeys } from '../../../forms/keyboard-flow';
import { formatDateTime } from '../../../format/date-time';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { DialogFormActions } from '../../../ui/DialogFormActions';
import { ScanDialog } from '../../patients/scans/ScanDialog';

type Field = 'title' | 'scanId';

/**
 * A referral or result attached to a booking (E2): one of the patient's scans, or a new one taken
 * through the desk's scan intake (the same checks as every scan). A new scan is kept as a chart
 * document when the person writes charts; the front desk picks one of the card's scans.
 */
export function AttachDialog({
  appointmentId,
  patientId,
  onClose,
  onAttached,
}: {
  appointmentId: string;
  patientId: string;
  onClose(): void;
  onAttached(): void;
}) {
  const { t } = useTranslation();
  const may = usePermissions();
  const titleId = useId();
  const [kind, setKind] = useState<AttachmentKind>('referral');
  const [title, setTitle] = useState('');
  const [scanId, setScanId] = useState('');
  const [scanning, setScanning] = useState(false);
  const [version, setVersion] = useState(0);
  const scans = useApiQuery(`attach-scans:${patientId}:${version}`, (api) => api.scans.list({ patientId }));
  const newScanPurpose: ScanPurpose | null = may('chart.write') ? 'chart_document' : null;
  const attach = useApiMutation(
    (api, input: Parameters<typeof api.appointments.attach>[0]) => api.appointments.attach(input),
    { fields: ['title', 'scanId'] as const, onSuccess: onAttached },
  );
  const problems = attach.problems.byField as Partial<Record<Field, FieldProblem>>;
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (scanId === '') {
      attach.showProblems({ byField: { scanId: problemFromCode('input.required') } });
      return;
    }
    void attach.run({ appointmentId, kind, title, scanId, chartEntryId: null });
  };
  const items = scans.status === 'ok' ? scans.data.items : [];

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <Box component="form" noValidate onSubmit={submit} onKeyDown={(event) => handleFormKeys(event, submit)}>
        <DialogTitle id={titleId}>{t('appointments.attachments.dialogTitle')}</DialogTitle>
        <DialogContent>
          <TextField
            select
            fullWidth
            label={t('appointments.attachments.kind')}
            value={kind}
            onChange={(event) => setKind(event.target.value as AttachmentKind)}
            sx={{ mt: 1 }}
            helperText=" "
          >
            {attachmentKinds.map((option) => (
              <MenuItem key={option} value={option}>
                {t(`appointments.attachments.kinds.${option}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            fullWidth
            required
            autoFocus
            label={t('appointments.attachments.titleField')}
            value={title}
            onChange={(event) => {
              setTitle(event.target.value);
              attach.clearField('title');
            }}
            error={problems.title !== undefined}
            helperText={problems.title ? <FieldMessage problem={problems.title} /> : ' '}
            slotProps={{ htmlInput: { maxLength: 200 } }}
          />
          <TextField
            select
            fullWidth
            required
            label={t('appointments.attachments.fromScan')}
            value={scanId}
            onChange={(event) => {
              setScanId(event.target.value);
              attach.clearField('scanId');
            }}
            error={problems.scanId !== undefined}
            helperText={problems.scanId ? <FieldMessage problem={problems.scanId} /> : ' '}
          >
            {items.map((scan) => (
              <MenuItem key={scan.id} value={scan.id}>
                {t(`scans.purposes.${scan.purpose}`)} · {formatDateTime(scan.createdAt)}
              </MenuItem>
            ))}
          </TextField>
          {items.length === 0 && (
            <Typography color="text.secondary" sx={{ mb: 1 }}>
              {t('appointments.attachments.noScan')}
            </Typography>
          )}
          {newScanPurpose && (
            <Button variant="outlined" onClick={() => setScanning(true)}>
              {t('appointments.attachments.takeScan')}
            </Button>
          )}
          <FormHelperText> </FormHelperText>
          {attach.problems.general.length > 0 && (
            <ApiErrorAlert title={t('appointments.attachments.failed')} problems={attach.problems.general} />
          )}
        </DialogContent>
        <DialogFormActions onCancel={onClose} busy={attach.busy} submitLabel={t('appointments.attachments.submit')} />
      </Box>
      {newScanPurpose && (
        <ScanDialog
          open={scanning}
          patientId={patientId}
          purpose={newScanPurpose}
          onClose={() => setScanning(false)}
          onAccepted={(scan) => {
            setScanning(false);
            setVersion((value) => value + 1);
            setScanId(scan.id);
          }}
        />
      )}
    </Dialog>
  );
}
