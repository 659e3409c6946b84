import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { allergySeverities, allergyStatuses, allergyVerifications } from '../../../../shared/chart/entry-kinds';
import { dateMask } from '../../../forms/masks';
import { DictionaryPicker } from './DictionaryPicker';
import { EntrySelect } from './EntrySelect';
import { EntryTextField } from './EntryTextField';
import type { FieldsProps } from './fields-props';
import { twoColumns } from './grid';
import { atcClassOf, describeMedicine } from './medicine-text';

type Severity = (typeof allergySeverities)[number];
type Verification = (typeof allergyVerifications)[number];
type Status = (typeof allergyStatuses)[number];

/**
 * An allergy or intolerance: the substance in words, or picked from the ЕСКЛП, which fills the
 * МНН and the АТХ class the prescription check compares (D5: same substance, same class).
 */
export function AllergyFields({ values, change, problems }: FieldsProps<'allergy'>) {
  const { t } = useTranslation();
  return (
    <>
      <DictionaryPicker
        dictionary="medicines"
        label={t('chartForms.fields.allergyMedicine')}
        value={values.medicineCode}
        required={false}
        describe={(item) => describeMedicine(t, item)}
        onPick={(item) =>
          change(
            item
              ? {
                  medicineCode: item.code,
                  substance: typeof item.data.inn === 'string' && item.data.inn ? item.data.inn : item.name,
                  atcClass: atcClassOf(item),
                }
              : { medicineCode: '' },
          )
        }
        problem={problems.medicineCode}
        autoFocus
      />
      <Box sx={twoColumns}>
        <EntryTextField
          label={t('chartForms.fields.substance')}
          value={values.substance}
          onChange={(substance) => change({ substance })}
          problem={problems.substance}
          required
        />
        <EntryTextField
          label={t('chartForms.fields.atcClass')}
          value={values.atcClass}
          onChange={(atcClass) => change({ atcClass: atcClass.toUpperCase() })}
          problem={problems.atcClass}
          helper={t('chartForms.fields.atcHint')}
          maxLength={7}
        />
      </Box>
      <EntryTextField
        label={t('chartForms.fields.reaction')}
        value={values.reaction}
        onChange={(reaction) => change({ reaction })}
        problem={problems.reaction}
        required
      />
      <Box sx={twoColumns}>
        <EntrySelect
          label={t('chartForms.fields.severity')}
          value={values.severity as Severity}
          options={allergySeverities}
          labelOf={(severity) => t(`chartForms.options.severity.${severity}`)}
          onChange={(severity) => change({ severity })}
          problem={problems.severity}
        />
        <EntrySelect
          label={t('chartForms.fields.verification')}
          value={values.verification as Verification}
          options={allergyVerifications}
          labelOf={(verification) => t(`chartForms.options.verification.${verification}`)}
          onChange={(verification) => change({ verification })}
          problem={problems.verification}
        />
        <EntrySelect
          label={t('chartForms.fields.status')}
          value={values.status as Status}
          options={allergyStatuses}
          labelOf={(status) => t(`chartForms.options.allergyStatus.${status}`)}
          onChange={(status) => change({ status })}
          problem={problems.status}
        />
        <EntryTextField
          label={t('chartForms.fields.notedOn')}
          value={values.notedOn}
          onChange={(notedOn) => change({ notedOn })}
          problem={problems.notedOn}
          mask={dateMask}
          placeholder={t('chartForms.fields.datePlaceholder')}
          inputMode="numeric"
          required
        />
      </Box>
    </>
  );
}
