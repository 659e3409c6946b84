import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { useId } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { sexes } from '../../../../shared/domain/patient';
import { FieldMessage } from '../../../forms/FieldMessage';
import type { FieldProblem } from '../../../forms/field-problem';
import type { PatientFormValues } from './patient-form-model';

/** Sex as two radio buttons: arrows choose, Enter chooses the focused one and moves on. */
export function SexField({ problem, onEdit }: { problem: FieldProblem | undefined; onEdit: (name: 'sex') => void }) {
  const { t } = useTranslation();
  const { control } = useFormContext<PatientFormValues>();
  const { field } = useController({ control, name: 'sex' });
  const labelId = useId();
  const helperId = useId();
  return (
    <FormControl error={problem !== undefined} required>
      <FormLabel id={labelId}>{t('patients.fields.sex')}</FormLabel>
      <RadioGroup
        row
        name={field.name}
        value={field.value}
        aria-labelledby={labelId}
        aria-describedby={problem ? helperId : undefined}
        onChange={(event) => {
          field.onChange(event.target.value);
          onEdit('sex');
        }}
        onBlur={field.onBlur}
        ref={(group: HTMLDivElement | null) =>
          // The form focuses a field with a problem; for a group that is its chosen (or first) radio.
          field.ref(
            group
              ? {
                  focus: () =>
                    (group.querySelector<HTMLInputElement>('input:checked') ?? group.querySelector('input'))?.focus(),
                }
              : null,
          )
        }
        sx={{ minHeight: 56, alignItems: 'center' }}
      >
        {sexes.map((sex) => (
          <FormControlLabel key={sex} value={sex} control={<Radio />} label={t(`sex.${sex}`)} sx={{ mr: 4 }} />
        ))}
      </RadioGroup>
      <FormHelperText id={helperId}>{problem ? <FieldMessage problem={problem} /> : ' '}</FormHelperText>
    </FormControl>
  );
}
