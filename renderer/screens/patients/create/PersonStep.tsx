import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { dateMask } from '../../../forms/masks';
import { ForeignField } from './ForeignField';
import type { StepFieldProps } from './step-field-props';
import { PatientTextField } from './PatientTextField';
import { SexField } from './SexField';

/** Step 1: who the person is, as the paper form starts. */
export function PersonStep({ field, problemOf, onEdit }: StepFieldProps) {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' }, columnGap: 2, rowGap: 2 }}>
      <PatientTextField {...field('surname')} required autoFocus />
      <PatientTextField {...field('name')} required />
      <PatientTextField {...field('patronymic')} />
      <PatientTextField
        {...field('birthDate')}
        required
        mask={dateMask}
        placeholder={t('patients.form.datePlaceholder')}
        inputMode="numeric"
      />
      <SexField problem={problemOf('sex')} onEdit={onEdit} />
      <ForeignField onEdit={onEdit} />
    </Box>
  );
}
