import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import type { DeskHealthView } from '../../../shared/api/health-calls';
import { formatDateTime } from '../../format/date-time';
import { useReasonText } from './use-reason-text';

const chipColor = { ok: 'success', amber: 'warning', red: 'error' } as const;

/** Every desk, the one needing attention first: its level, the reasons in words, its figures. */
export function DesksTable({ desks }: { desks: readonly DeskHealthView[] }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const when = (instant: string | null) => (instant === null ? t('health.never') : formatDateTime(instant));
  return (
    <Table size="small" aria-label={t('health.desks')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('health.column.desk')}</TableCell>
          <TableCell>{t('health.column.level')}</TableCell>
          <TableCell>{t('health.column.reasons')}</TableCell>
          <TableCell>{t('health.column.lastSync')}</TableCell>
          <TableCell align="right">{t('health.column.outbox')}</TableCell>
          <TableCell align="right">{t('health.column.conflicts')}</TableCell>
          <TableCell align="right">{t('health.column.disk')}</TableCell>
          <TableCell>{t('health.column.backup')}</TableCell>
          <TableCell>{t('health.column.version')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {desks.map((desk) => {
          const name = desk.deviceName ?? t('health.unnamed');
          return (
            <TableRow key={desk.deviceId ?? 'self'} aria-label={name}>
              <TableCell>
                {name}
                {desk.self && desk.deviceName !== null ? ` (${t('health.thisDesk')})` : ''}
              </TableCell>
              <TableCell>
                <Chip
                  size="small"
                  color={chipColor[desk.verdict.level]}
                  label={t(`health.level.${desk.verdict.level}`)}
                />
              </TableCell>
              <TableCell>
                {desk.verdict.reasons.length === 0
                  ? t('health.allWithin')
                  : desk.verdict.reasons.map((reason) => <div key={reason.metric}>{reasonText(reason)}</div>)}
              </TableCell>
              <TableCell>{when(desk.report.lastSyncAt)}</TableCell>
              <TableCell align="right">{desk.report.pendingOutbox}</TableCell>
              <TableCell align="right">{desk.report.openConflicts}</TableCell>
              <TableCell align="right">
                {desk.report.freeDiskMb === null ? '—' : Math.floor(desk.report.freeDiskMb)}
              </TableCell>
              <TableCell>{when(desk.report.lastBackupAt)}</TableCell>
              <TableCell>{desk.report.appVersion}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
