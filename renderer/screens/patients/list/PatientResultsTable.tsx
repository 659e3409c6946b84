import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { formatRussianDate } from '../../../../shared/domain/calendar-date';
import type { PatientSummary } from '../../../../shared/domain/patient';
import { displayPhone, displaySnils } from '../../../format/identifiers';
import { fullName } from '../../../format/person-name';

/** The search's matches; the name is a link (keyboard), the whole row a click target (mouse). */
export function PatientResultsTable({ patients, stale }: { patients: readonly PatientSummary[]; stale: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <TableContainer component={Paper} variant="outlined" sx={{ opacity: stale ? 0.6 : 1 }} aria-busy={stale}>
      <Table aria-label={t('patients.list.resultsLabel')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('patients.list.columns.name')}</TableCell>
            <TableCell>{t('patients.list.columns.birthDate')}</TableCell>
            <TableCell>{t('patients.list.columns.snils')}</TableCell>
            <TableCell>{t('patients.list.columns.phone')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {patients.map((patient) => (
            <TableRow
              key={patient.id}
              hover
              sx={{ cursor: 'pointer' }}
              onClick={() => navigate(`/patients/${patient.id}`)}
            >
              <TableCell>
                <Link component={RouterLink} to={`/patients/${patient.id}`} underline="hover" sx={{ fontWeight: 500 }}>
                  {fullName(patient)}
                </Link>
              </TableCell>
              <TableCell>{formatRussianDate(patient.birthDate)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{patient.snils ? displaySnils(patient.snils) : '—'}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{patient.phone ? displayPhone(patient.phone) : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
