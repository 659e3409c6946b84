import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { labFlag } from '../../../../shared/chart/drafts';
import { labFlags } from '../../../../shared/chart/entry-kinds';
import { dateMask } from '../../../forms/masks';
import { EntrySelect } from './EntrySelect';
import { EntryTextField } from './EntryTextField';
import { parseDecimal } from './entry-values';
import type { FieldsProps } from './fields-props';
import { threeColumns, twoColumns } from './grid';

type Flag = (typeof labFlags)[number];

/**
 * A lab result: a number is flagged against its range by itself (`labFlag`, shown as the doctor
 * types); a text result ("отрицательно") needs the doctor's own flag.
 */
export function LabResultFields({ values, change, problems }: FieldsProps<'lab_result'>) {
  const { t } = useTranslation();
  const numeric = parseDecimal(values.value);
  const low = parseDecimal(values.referenceLow);
  const high = parseDecimal(values.referenceHigh);
  const textResult = values.value.trim() !== '' && numeric === null;
  return (
    <>
      <Box sx={twoColumns}>
        <EntryTextField
          label={t('chartForms.fields.test')}
          value={values.test}
          onChange={(test) => change({ test })}
          problem={problems.test}
          required
          autoFocus
        />
        <EntryTextField
          label={t('chartForms.fields.testCode')}
          value={values.testCode}
          onChange={(testCode) => change({ testCode })}
          problem={problems.testCode}
          maxLength={64}
        />
      </Box>
      <Box sx={threeColumns}>
        <EntryTextField
          label={t('chartForms.fields.value')}
          value={values.value}
          onChange={(value) => change(parseDecimal(value) === null ? { value } : { value, flag: '' })}
          problem={problems.value}
          helper={t('chartForms.fields.valueHint')}
          required
        />
        <EntryTextField
          label={t('chartForms.fields.labUnit')}
          value={values.unit}
          onChange={(unit) => change({ unit })}
          problem={problems.unit}
          maxLength={40}
        />
        <EntryTextField
          label={t('chartForms.fields.takenOn')}
          value={values.takenOn}
          onChange={(takenOn) => change({ takenOn })}
          problem={problems.takenOn}
          mask={dateMask}
          placeholder={t('chartForms.fields.datePlaceholder')}
          inputMode="numeric"
          required
        />
        <EntryTextField
          label={t('chartForms.fields.referenceLow')}
          value={values.referenceLow}
          onChange={(referenceLow) => change({ referenceLow })}
          problem={problems.referenceLow}
          inputMode="decimal"
          maxLength={20}
        />
        <EntryTextField
          label={t('chartForms.fields.referenceHigh')}
          value={values.referenceHigh}
          onChange={(referenceHigh) => change({ referenceHigh })}
          problem={problems.referenceHigh}
          inputMode="decimal"
          maxLength={20}
        />
        {textResult ? (
          <EntrySelect
            label={t('chartForms.fields.flag')}
            value={values.flag as Flag | ''}
            options={labFlags}
            blank={t('chartForms.options.flagBlank')}
            labelOf={(flag) => t(`chartForms.options.flag.${flag}`)}
            onChange={(flag) => change({ flag })}
            problem={problems.flag}
          />
        ) : (
          <Box aria-live="polite" sx={{ pt: 2, color: 'text.secondary' }}>
            {numeric !== null &&
              t('chartForms.fields.flagAuto', {
                flag: t(`chartForms.options.flag.${labFlag(numeric, low, high)}`),
              })}
          </Box>
        )}
      </Box>
      <EntryTextField
        label={t('chartForms.fields.comment')}
        value={values.comment}
        onChange={(comment) => change({ comment })}
        problem={problems.comment}
        multiline
        maxLength={2000}
      />
    </>
  );
}
