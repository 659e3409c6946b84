import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { normalizeAddress } from '../../../../shared/domain/address';
import { FieldList, type FieldListItem } from '../../../ui/FieldList';
import type { PatientFormValues, PatientTextFieldName } from './patient-form-model';

/** Step 3: everything as it will be saved, to read over once before Ctrl+Enter. */
export function ReviewStep({ values }: { values: PatientFormValues }) {
  const { t } = useTranslation();
  const item = (name: PatientTextFieldName, shown = values[name].trim()): FieldListItem =>
    shown
      ? { label: t(`patients.fields.${name}`), value: shown }
      : { label: t(`patients.fields.${name}`), value: t('common.notGiven'), missing: true };
  const items: FieldListItem[] = [
    item('surname'),
    item('name'),
    item('patronymic'),
    item('birthDate'),
    {
      label: t('patients.fields.sex'),
      value: values.sex ? t(`sex.${values.sex}`) : t('common.notGiven'),
      missing: !values.sex,
    },
    { label: t('patients.fields.foreign'), value: values.foreign ? t('common.yes') : t('common.no') },
    item('snils'),
    item('inn'),
    item('enp'),
    item('phone'),
    item('email'),
    item('address', normalizeAddress(values.address)),
  ];
  return (
    <>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('patients.form.reviewHint')}
      </Typography>
      <FieldList items={items} />
    </>
  );
}
