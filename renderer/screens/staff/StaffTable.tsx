import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import type { StaffSummary } from '../../../shared/api/staff-calls';
import { formatDateTime } from '../../format/date-time';
import { visuallyHidden } from '../../ui/visually-hidden';
import type { StaffDialog } from './StaffScreen';

/** Everyone with an account, and what the admin may do with each. */
export function StaffTable({
  items,
  onAction,
}: {
  items: readonly StaffSummary[];
  onAction: (dialog: StaffDialog) => void;
}) {
  const { t } = useTranslation();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table aria-label={t('staff.tableLabel')} size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('staff.columns.login')}</TableCell>
            <TableCell>{t('staff.columns.displayName')}</TableCell>
            <TableCell>{t('staff.columns.role')}</TableCell>
            <TableCell>{t('staff.columns.state')}</TableCell>
            <TableCell align="right">{t('staff.columns.keys')}</TableCell>
            <TableCell>{t('staff.columns.totp')}</TableCell>
            <TableCell align="right">{t('staff.columns.recoveryCodes')}</TableCell>
            <TableCell>
              <Box component="span" sx={visuallyHidden}>
                {t('staff.columns.actions')}
              </Box>
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((person) => (
            <TableRow key={person.id} sx={{ color: person.active ? 'inherit' : 'text.secondary' }}>
              <TableCell sx={{ fontFamily: 'monospace' }}>{person.login}</TableCell>
              <TableCell>{person.displayName}</TableCell>
              <TableCell>{t(`roles.${person.role}`)}</TableCell>
              <TableCell>
                {person.serverRefused
                  ? t('staff.serverRefused')
                  : person.active
                    ? t('staff.active')
                    : t('staff.inactive')}
                {person.active && person.lockedUntil && (
                  <Box component="span" sx={{ display: 'block', color: 'error.main', fontSize: '0.8125rem' }}>
                    {t('staff.lockedUntil', { time: formatDateTime(person.lockedUntil) })}
                  </Box>
                )}
                {person.active && (person.mustChangePassword || person.mustEnrolKey) && (
                  <Box component="span" sx={{ display: 'block', color: 'text.secondary', fontSize: '0.8125rem' }}>
                    {person.mustChangePassword ? t('staff.mustChangePassword') : t('staff.mustEnrolKey')}
                  </Box>
                )}
              </TableCell>
              <TableCell align="right">{person.keys}</TableCell>
              <TableCell>{person.totp ? t('common.yes') : t('common.no')}</TableCell>
              <TableCell align="right">{person.recoveryCodesLeft}</TableCell>
              <TableCell align="right" sx={{ minWidth: 250 }}>
                {person.active && (
                  <Box
                    sx={{
                      display: 'flex',
                      flexWrap: 'wrap',
                      justifyContent: 'flex-end',
                      columnGap: 0.5,
                      maxWidth: 240,
                      ml: 'auto',
                    }}
                  >
                    <Button
                      size="small"
                      onClick={() => onAction({ kind: 'keys', person })}
                      aria-label={t('staff.actions.keysOf', { name: person.displayName })}
                    >
                      {t('staff.actions.keys')}
                    </Button>
                    <Button
                      size="small"
                      onClick={() => onAction({ kind: 'reset', person })}
                      aria-label={t('staff.actions.resetOf', { name: person.displayName })}
                    >
                      {t('staff.actions.reset')}
                    </Button>
                    <Button
                      size="small"
                      color="error"
                      onClick={() => onAction({ kind: 'deactivate', person })}
                      aria-label={t('staff.actions.deactivateOf', { name: person.displayName })}
                    >
                      {t('staff.actions.deactivate')}
                    </Button>
                  </Box>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
