import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { VerificationQueueItem } from '../../../shared/api/verification-calls';
import { formatRussianDate } from '../../../shared/domain/calendar-date';
import { formatDateTime } from '../../format/date-time';
import { displaySnils } from '../../format/identifiers';
import { fullName } from '../../format/person-name';

/** Locked patients, the longest waiting first; each row's button opens the check. */
export function VerificationQueueTable({
  items,
  onVerify,
}: {
  items: readonly VerificationQueueItem[];
  onVerify(item: VerificationQueueItem): void;
}) {
  const { t } = useTranslation();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table aria-label={t('verification.tableLabel')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('verification.columns.name')}</TableCell>
            <TableCell>{t('verification.columns.birthDate')}</TableCell>
            <TableCell>{t('verification.columns.snils')}</TableCell>
            <TableCell align="right">{t('verification.columns.attempts')}</TableCell>
            <TableCell>{t('verification.columns.lockedAt')}</TableCell>
            <TableCell>{t('verification.columns.action')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.patient.id}>
              <TableCell>
                <Link
                  component={RouterLink}
                  to={`/patients/${item.patient.id}`}
                  underline="hover"
                  sx={{ fontWeight: 500 }}
                >
                  {fullName(item.patient)}
                </Link>
              </TableCell>
              <TableCell>{formatRussianDate(item.patient.birthDate)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {item.patient.snils ? displaySnils(item.patient.snils) : '—'}
              </TableCell>
              <TableCell align="right">{item.failedAttempts}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.lockedAt)}</TableCell>
              <TableCell>
                <Button
                  variant="contained"
                  size="small"
                  onClick={() => onVerify(item)}
                  aria-label={t('verification.verifyFor', { name: fullName(item.patient) })}
                >
                  {t('verification.verify')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
