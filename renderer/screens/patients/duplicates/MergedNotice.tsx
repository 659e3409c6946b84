import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { formatRussianDate } from '../../../../shared/domain/calendar-date';
import { useApiQuery } from '../../../api/use-api-query';
import { fullName } from '../../../format/person-name';

/** On a merged card (B2): it is kept as it was, and says which card it now lives on. */
export function MergedNotice({ survivorId }: { survivorId: string }) {
  const { t } = useTranslation();
  const survivor = useApiQuery(`patient:${survivorId}`, (api) => api.patients.get({ id: survivorId }));
  const name =
    survivor.status === 'ok'
      ? `${fullName(survivor.data)}, ${formatRussianDate(survivor.data.birthDate)}`
      : t('patients.merge.survivorCard');
  return (
    <Alert severity="warning" sx={{ mb: 2 }}>
      {t('patients.merge.mergedInto')}{' '}
      <Link component={RouterLink} to={`/patients/${survivorId}`}>
        {name}
      </Link>
    </Alert>
  );
}
