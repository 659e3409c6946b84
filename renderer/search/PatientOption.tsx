import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { HTMLAttributes } from 'react';
import { formatRussianDate } from '../../shared/domain/calendar-date';
import type { PatientSummary } from '../../shared/domain/patient';
import { fullName } from '../format/person-name';
import { displayPhone, displaySnils } from '../format/identifiers';

/** One match in the search list: the name, then what tells namesakes apart. */
export function PatientOption({ patient, ...props }: HTMLAttributes<HTMLLIElement> & { patient: PatientSummary }) {
  const details = [
    formatRussianDate(patient.birthDate),
    patient.snils && displaySnils(patient.snils),
    patient.phone && displayPhone(patient.phone),
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <li {...props}>
      <Box sx={{ py: 0.5 }}>
        <Typography sx={{ fontWeight: 500 }}>{fullName(patient)}</Typography>
        <Typography variant="body2" color="text.secondary">
          {details}
        </Typography>
      </Box>
    </li>
  );
}
