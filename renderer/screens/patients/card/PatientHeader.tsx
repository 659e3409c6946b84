import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ageOn, formatRussianDate, isoDay } from '../../../../shared/domain/calendar-date';
import type { Patient } from '../../../../shared/domain/patient';
import { displayPhone, displaySnils } from '../../../format/identifiers';
import { fullName } from '../../../format/person-name';

/** Who this is at a glance: name, age and birth date, sex, SNILS and phone. */
export function PatientHeader({ patient, action }: { patient: Patient; action?: ReactNode }) {
  const { t } = useTranslation();
  const age = ageOn(patient.birthDate, isoDay(new Date()));
  const facts = [
    { label: t('patients.fields.snils'), value: patient.snils ? displaySnils(patient.snils) : t('common.notGiven') },
    { label: t('patients.fields.phone'), value: patient.phone ? displayPhone(patient.phone) : t('common.notGiven') },
  ];
  return (
    <Box component="header" sx={{ mb: 3 }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h1">{fullName(patient)}</Typography>
        {action}
      </Box>
      <Typography color="text.secondary" sx={{ mt: 0.5, fontSize: '1.125rem' }}>
        {[t(`sex.${patient.sex}`), t('patients.card.age', { count: age }), t('patients.card.born', { date: formatRussianDate(patient.birthDate) })].join(' · ')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, mt: 1.5, flexWrap: 'wrap' }}>
        {facts.map((fact) => (
          <Chip key={fact.label} variant="outlined" label={`${fact.label}: ${fact.value}`} />
        ))}
      </Box>
    </Box>
  );
}
