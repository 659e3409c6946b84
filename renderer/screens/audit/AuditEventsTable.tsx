import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { AuditEventView } from '../../../shared/api/audit-calls';
import { useActorNames } from '../../app/actor-name';
import { formatDateTime } from '../../format/date-time';
import { roleLabel } from '../patients/card/access-log-labels';

/** The events as recorded: the action's code is what support and the auditor search by. */
export function AuditEventsTable({ items }: { items: readonly AuditEventView[] }) {
  const { t } = useTranslation();
  const actors = useActorNames();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label={t('auditLog.tableLabel')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('auditLog.columns.at')}</TableCell>
            <TableCell>{t('auditLog.columns.action')}</TableCell>
            <TableCell>{t('auditLog.columns.actor')}</TableCell>
            <TableCell>{t('auditLog.columns.device')}</TableCell>
            <TableCell>{t('auditLog.columns.details')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((event) => (
            <TableRow key={event.cursor}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.at)}</TableCell>
              <TableCell>
                <Typography variant="body2" component="code" sx={{ fontFamily: 'monospace' }}>
                  {event.action}
                </Typography>
              </TableCell>
              <TableCell>
                {actors.byName(event.actorName)}
                <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                  {roleLabel(t, event.actorRole)}
                </Typography>
              </TableCell>
              <TableCell>{event.deviceName}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}>
                {JSON.stringify(event.details)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
