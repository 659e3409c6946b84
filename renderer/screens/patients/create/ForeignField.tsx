import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PatientFormValues } from './patient-form-model';

/** «Иностранный гражданин»: allows Latin letters in the names (B1). Space ticks it, Enter moves on. */
export function ForeignField({ onEdit }: { onEdit: (name: 'foreign') => void }) {
  const { t } = useTranslation();
  const { control } = useFormContext<PatientFormValues>();
  const { field } = useController({ control, name: 'foreign' });
  return (
    <div>
      <FormControlLabel
        control={
          <Checkbox
            name={field.name}
            checked={field.value}
            slotProps={{ input: { ref: field.ref } }}
            onBlur={field.onBlur}
            onChange={(event) => {
              field.onChange(event.target.checked);
              onEdit('foreign');
            }}
          />
        }
        label={t('patients.fields.foreign')}
      />
      <FormHelperText sx={{ mt: 0 }}>{t('patients.form.foreignHint')}</FormHelperText>
    </div>
  );
}
