import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { visitTypes } from '../../../../shared/chart/entry-kinds';
import { EntrySelect } from './EntrySelect';
import { EntryTextField } from './EntryTextField';
import { dateTimeMask } from './date-masks';
import type { FieldsProps } from './fields-props';
import { twoColumns } from './grid';

const clinicalTexts = ['complaints', 'history', 'examination', 'conclusion'] as const;

/** An encounter's boxes in the order of the paper record: when, what kind of visit, where, then the texts. */
export function EncounterFields({ values, change, problems }: FieldsProps<'encounter'>) {
  const { t } = useTranslation();
  return (
    <>
      <Box sx={twoColumns}>
        <EntryTextField
          label={t('chartForms.fields.at')}
          value={values.at}
          onChange={(at) => change({ at })}
          problem={problems.at}
          mask={dateTimeMask}
          placeholder={t('chartForms.fields.atPlaceholder')}
          inputMode="numeric"
          required
          autoFocus
        />
        <EntrySelect
          label={t('chartForms.fields.visitType')}
          value={values.visitType as (typeof visitTypes)[number]}
          options={visitTypes}
          labelOf={(type) => t(`chartForms.options.visitType.${type}`)}
          onChange={(visitType) => change({ visitType })}
          problem={problems.visitType}
        />
      </Box>
      <EntryTextField
        label={t('chartForms.fields.department')}
        value={values.department}
        onChange={(department) => change({ department })}
        problem={problems.department}
        required
      />
      <Box sx={twoColumns}>
        {clinicalTexts.map((field) => (
          <EntryTextField
            key={field}
            label={t(`chartForms.fields.${field}`)}
            value={values[field]}
            onChange={(text) => change({ [field]: text })}
            problem={problems[field]}
            multiline
            maxLength={20_000}
          />
        ))}
      </Box>
    </>
  );
}
