import { useTranslation } from 'react-i18next';
import { dateMask } from '../../../forms/masks';
import { DictionaryPicker } from './DictionaryPicker';
import { EntryTextField } from './EntryTextField';
import type { FieldsProps } from './fields-props';

/** A procedure or service: picked from the НСИ «Номенклатура медицинских услуг», with its day. */
export function ProcedureFields({ values, change, problems }: FieldsProps<'procedure'>) {
  const { t } = useTranslation();
  return (
    <>
      <DictionaryPicker
        dictionary="services"
        label={t('chartForms.fields.serviceCode')}
        value={values.serviceCode}
        onPick={(item) => change({ serviceCode: item?.code ?? '' })}
        problem={problems.serviceCode}
        autoFocus
      />
      <EntryTextField
        label={t('chartForms.fields.performedOn')}
        value={values.performedOn}
        onChange={(performedOn) => change({ performedOn })}
        problem={problems.performedOn}
        mask={dateMask}
        placeholder={t('chartForms.fields.datePlaceholder')}
        inputMode="numeric"
        required
      />
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
