import AttachFileIcon from '@mui/icons-material/AttachFile';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { AppointmentView } from '../../../../shared/api/appointments-calls';
import type { AppointmentAttachment } from '../../../../shared/appointments/schedule';
import type { ScanSummary } from '../../../../shared/scans/scan-inputs';
import { useApiQuery } from '../../../api/use-api-query';
import { usePermissions } from '../../../app/session';
import { formatDateTime } from '../../../format/date-time';
import { ScanViewer } from '../../patients/scans/ScanViewer';
import { AttachDialog } from './AttachDialog';

/**
 * A booking's referrals and results (E2): each opens — a scan in the full-size viewer, a chart
 * entry in the patient's chart (for those who read charts); «Прикрепить» adds one.
 */
export function AttachmentList({
  appointment,
  attachments,
  mayAttach,
  onAttached,
}: {
  appointment: Pick<AppointmentView, 'id' | 'patientId'>;
  attachments: readonly AppointmentAttachment[];
  mayAttach: boolean;
  onAttached(): void;
}) {
  const { t } = useTranslation();
  const may = usePermissions();
  const [viewing, setViewing] = useState<ScanSummary | null>(null);
  const [attaching, setAttaching] = useState(false);
  const hasScans = attachments.some((attachment) => attachment.scanId !== null);
  const scans = useApiQuery(
    `appointment-scans:${appointment.patientId}:${attachments.length}`,
    hasScans ? (api) => api.scans.list({ patientId: appointment.patientId }) : null,
  );
  const scanOf = (id: string) => (scans.status === 'ok' ? scans.data.items.find((scan) => scan.id === id) : undefined);

  return (
    <Box component="section" aria-labelledby={`attachments-${appointment.id}`}>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h3" id={`attachments-${appointment.id}`} sx={{ fontSize: '1.05rem', fontWeight: 600 }}>
          {t('appointments.attachments.title')}
        </Typography>
        {mayAttach && (
          <Button startIcon={<AttachFileIcon />} onClick={() => setAttaching(true)}>
            {t('appointments.attachments.add')}
          </Button>
        )}
      </Box>
      {attachments.length === 0 ? (
        <Typography color="text.secondary">{t('appointments.attachments.none')}</Typography>
      ) : (
        <List dense>
          {attachments.map((attachment) => {
            const scan = attachment.scanId ? scanOf(attachment.scanId) : undefined;
            return (
              <ListItem
                key={attachment.id}
                disableGutters
                secondaryAction={
                  scan ? (
                    <Button
                      size="small"
                      onClick={() => setViewing(scan)}
                      aria-label={`${t('appointments.attachments.open')}: ${attachment.title}`}
                    >
                      {t('appointments.attachments.open')}
                    </Button>
                  ) : attachment.chartEntryId && may('chart.read') ? (
                    <Button
                      size="small"
                      component={RouterLink}
                      to={`/patients/${appointment.patientId}?tab=chart`}
                      aria-label={`${t('appointments.attachments.open')}: ${attachment.title}`}
                    >
                      {t('appointments.attachments.open')}
                    </Button>
                  ) : null
                }
              >
                <ListItemText
                  primary={`${t(`appointments.attachments.kinds.${attachment.kind}`)}: ${attachment.title}`}
                  secondary={[
                    attachment.scanId ? t('appointments.attachments.scan') : t('appointments.attachments.chartEntry'),
                    attachment.addedVia === 'cabinet'
                      ? t('appointments.attachments.viaCabinet')
                      : t('appointments.attachments.viaDesk'),
                    formatDateTime(attachment.createdAt),
                  ].join(' · ')}
                />
              </ListItem>
            );
          })}
        </List>
      )}
      {viewing && <ScanViewer scan={viewing} onClose={() => setViewing(null)} />}
      {attaching && (
        <AttachDialog
          appointmentId={appointment.id}
          patientId={appointment.patientId}
          onClose={() => setAttaching(false)}
          onAttached={() => {
            setAttaching(false);
            onAttached();
          }}
        />
      )}
    </Box>
  );
}
