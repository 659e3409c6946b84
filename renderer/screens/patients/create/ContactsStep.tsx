import Box from '@mui/material/Box';
import { enpMask, innMask, phoneMask, snilsMask } from '../../../forms/masks';
import type { StepFieldProps } from './step-field-props';
import { PatientTextField } from './PatientTextField';

/** Step 2: identifiers (SNILS, INN, ЕНП), then how to reach the person. */
export function ContactsStep({ field }: StepFieldProps) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' }, columnGap: 2, rowGap: 2 }}>
      <PatientTextField
        {...field('snils')}
        mask={snilsMask}
        placeholder={snilsMask.template}
        inputMode="numeric"
        autoFocus
      />
      <PatientTextField {...field('inn')} mask={innMask} placeholder={innMask.template} inputMode="numeric" />
      <PatientTextField {...field('enp')} mask={enpMask} placeholder={enpMask.template} inputMode="numeric" />
      <PatientTextField {...field('phone')} mask={phoneMask} placeholder={phoneMask.template} inputMode="tel" />
      <Box sx={{ gridColumn: { md: 'span 2' } }}>
        <PatientTextField {...field('email')} inputMode="email" />
      </Box>
      <Box sx={{ gridColumn: { md: '1 / -1' } }}>
        <PatientTextField {...field('address')} />
      </Box>
    </Box>
  );
}
