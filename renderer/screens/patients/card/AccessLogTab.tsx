import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api/use-api-query';
import { useActorNames } from '../../../app/actor-name';
import { formatDateTime } from '../../../format/date-time';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { EmptyState } from '../../../ui/EmptyState';
import { actionLabel, roleLabel } from './access-log-labels';
import { Loading } from '../../../ui/Loading';

const accessLogLimit = 100;

/** Who opened and changed this record, newest first as the service returns them. */
export function AccessLogTab({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const actors = useActorNames();
  const log = useApiQuery(`access-log:${patientId}`, (api) =>
    api.patients.accessLog({ id: patientId, limit: accessLogLimit }),
  );

  if (log.status === 'failed')
    return <ApiErrorAlert title={t('patients.card.accessLog.failed')} problems={[log.error]} />;
  if (log.status !== 'ok') {
    return <Loading />;
  }
  if (log.data.items.length === 0) {
    return (
      <EmptyState
        title={t('patients.card.accessLog.title')}
        hint={t('patients.card.accessLog.empty')}
        headingLevel="h3"
      />
    );
  }
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table aria-label={t('patients.card.accessLog.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('patients.card.accessLog.columns.at')}</TableCell>
            <TableCell>{t('patients.card.accessLog.columns.action')}</TableCell>
            <TableCell>{t('patients.card.accessLog.columns.actor')}</TableCell>
            <TableCell>{t('patients.card.accessLog.columns.role')}</TableCell>
            <TableCell>{t('patients.card.accessLog.columns.device')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {log.data.items.map((entry, index) => (
            <TableRow key={`${entry.at}-${index}`}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</TableCell>
              <TableCell>{actionLabel(t, entry.action)}</TableCell>
              <TableCell>{actors.byName(entry.actorName)}</TableCell>
              <TableCell>{roleLabel(t, entry.actorRole)}</TableCell>
              <TableCell>{entry.deviceName}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
