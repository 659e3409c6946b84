import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { diagnosisRoles, diagnosisStatuses } from '../../../../shared/chart/entry-kinds';
import { dateMask } from '../../../forms/masks';
import { DictionaryPicker } from './DictionaryPicker';
import { EntrySelect } from './EntrySelect';
import { EntryTextField } from './EntryTextField';
import type { FieldsProps } from './fields-props';
import { twoColumns } from './grid';

type Role = (typeof diagnosisRoles)[number];
type Status = (typeof diagnosisStatuses)[number];

/** A diagnosis outside an encounter: the МКБ-10 code by autocomplete, its role, status and dates. */
export function DiagnosisFields({ values, change, problems }: FieldsProps<'diagnosis'>) {
  const { t } = useTranslation();
  return (
    <>
      <DictionaryPicker
        dictionary="icd10"
        label={t('chartForms.fields.icd10')}
        value={values.icd10}
        onPick={(item) => change({ icd10: item?.code ?? '' })}
        problem={problems.icd10}
        autoFocus
      />
      <Box sx={twoColumns}>
        <EntrySelect
          label={t('chartForms.fields.role')}
          value={values.role as Role}
          options={diagnosisRoles}
          labelOf={(role) => t(`chartForms.options.role.${role}`)}
          onChange={(role) => change({ role })}
          problem={problems.role}
        />
        <EntrySelect
          label={t('chartForms.fields.status')}
          value={values.status as Status}
          options={diagnosisStatuses}
          labelOf={(status) => t(`chartForms.options.diagnosisStatus.${status}`)}
          onChange={(status) => change({ status })}
          problem={problems.status}
        />
        <EntryTextField
          label={t('chartForms.fields.establishedOn')}
          value={values.establishedOn}
          onChange={(establishedOn) => change({ establishedOn })}
          problem={problems.establishedOn}
          mask={dateMask}
          placeholder={t('chartForms.fields.datePlaceholder')}
          inputMode="numeric"
          required
        />
        <EntryTextField
          label={t('chartForms.fields.resolvedOn')}
          value={values.resolvedOn}
          onChange={(resolvedOn) => change({ resolvedOn })}
          problem={problems.resolvedOn}
          mask={dateMask}
          placeholder={t('chartForms.fields.datePlaceholder')}
          inputMode="numeric"
        />
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
