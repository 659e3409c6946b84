import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import { formatRussianDate } from '../../../../shared/domain/calendar-date';
import type { Patient } from '../../../../shared/domain/patient';
import { displayPhone, displaySnils } from '../../../format/identifiers';
import { visuallyHidden } from '../../../ui/visually-hidden';

const rows = [
  'surname',
  'name',
  'patronymic',
  'birthDate',
  'sex',
  'snils',
  'inn',
  'enp',
  'phone',
  'email',
  'address',
] as const;

/** The two cards field by field, the one that stays first; differing values are marked. */
export function MergeComparison({ survivor, merged }: { survivor: Patient; merged: Patient }) {
  const { t } = useTranslation();
  const shown = (patient: Patient, field: (typeof rows)[number]): string => {
    const value = patient[field];
    if (!value) return '—';
    if (field === 'birthDate') return formatRussianDate(value);
    if (field === 'sex') return t(`sex.${patient.sex}`);
    if (field === 'snils') return displaySnils(value);
    if (field === 'phone') return displayPhone(value);
    return value;
  };
  return (
    <Table size="small" aria-label={t('patients.merge.comparisonLabel')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('patients.merge.field')}</TableCell>
          <TableCell>{t('patients.merge.stays')}</TableCell>
          <TableCell>{t('patients.merge.goes')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((field) => {
          const [a, b] = [shown(survivor, field), shown(merged, field)];
          const differs = a !== b && a !== '—' && b !== '—';
          return (
            <TableRow key={field}>
              <TableCell component="th" scope="row">
                {t(`patients.fields.${field}`)}
              </TableCell>
              <TableCell>{a}</TableCell>
              <TableCell sx={differs ? { color: 'warning.dark', fontWeight: 600 } : undefined}>
                {b}
                {differs && (
                  <Box component="span" sx={visuallyHidden}>
                    {' '}
                    ({t('patients.merge.differs')})
                  </Box>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
