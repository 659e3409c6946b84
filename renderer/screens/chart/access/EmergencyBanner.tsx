import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../format/date-time';
import { useChartAccess } from './use-chart-access';

/**
 * «Экстренный доступ до HH:MM — причина …»: every live break-the-glass grant of the signed-in
 * person for this patient, shown above every view of the card (the chart tab included).
 */
export function EmergencyBanner({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const { status } = useChartAccess(patientId);
  if (!status || status.grants.length === 0) return null;
  return (
    <Stack spacing={1} sx={{ mb: 2 }}>
      {status.grants.map((grant) => (
        <Alert key={grant.id} severity="error" variant="filled" role="status">
          {t(grant.entryId === null ? 'chartAccess.banner.text' : 'chartAccess.banner.entry', {
            until: formatDateTime(grant.expiresAt),
            reason: `${t(`chartAccess.emergencyReasons.${grant.reasonCode}`)}, ${grant.reasonText}`,
          })}
        </Alert>
      ))}
    </Stack>
  );
}
