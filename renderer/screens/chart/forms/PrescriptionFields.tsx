import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { administrationRoutes, prescriptionStatuses } from '../../../../shared/chart/entry-kinds';
import { doseUnits } from '../../../../shared/chart/units';
import type { FieldProblem } from '../../../forms/field-problem';
import { dateMask } from '../../../forms/masks';
import { DictionaryPicker } from './DictionaryPicker';
import { EntrySelect } from './EntrySelect';
import { EntryTextField } from './EntryTextField';
import type { FieldsProps } from './fields-props';
import { threeColumns } from './grid';
import { describeMedicine } from './medicine-text';

type Unit = (typeof doseUnits)[number];
type Route = (typeof administrationRoutes)[number];
type Status = (typeof prescriptionStatuses)[number];

/**
 * A prescription's boxes: the medicine from the ЕСКЛП (by МНН or trade name), then dose and unit,
 * how often, the route, how long, start and stop. `checked` are the live check's errors, shown
 * under their boxes until the doctor corrects them.
 */
export function PrescriptionFields({
  values,
  change,
  problems,
  checked,
}: FieldsProps<'prescription'> & { checked: Partial<Record<string, FieldProblem>> }) {
  const { t } = useTranslation();
  const problemOf = (field: keyof typeof values) => problems[field] ?? checked[field];
  const day = (field: 'startOn' | 'stopOn', required: boolean) => (
    <EntryTextField
      label={t(`chartForms.fields.${field}`)}
      value={values[field]}
      onChange={(text) => change({ [field]: text })}
      problem={problemOf(field)}
      mask={dateMask}
      placeholder={t('chartForms.fields.datePlaceholder')}
      inputMode="numeric"
      required={required}
    />
  );
  return (
    <>
      <DictionaryPicker
        dictionary="medicines"
        label={t('chartForms.fields.medicineCode')}
        value={values.medicineCode}
        onPick={(item) => change({ medicineCode: item?.code ?? '' })}
        describe={(item) => describeMedicine(t, item)}
        problem={problemOf('medicineCode')}
        autoFocus
      />
      <Box sx={threeColumns}>
        <EntryTextField
          label={t('chartForms.fields.dose')}
          value={values.dose}
          onChange={(dose) => change({ dose })}
          problem={problemOf('dose')}
          inputMode="decimal"
          maxLength={12}
          required
        />
        <EntrySelect
          label={t('chartForms.fields.unit')}
          value={values.unit as Unit}
          options={doseUnits}
          labelOf={(unit) => t(`chartForms.options.unit.${unit}`)}
          onChange={(unit) => change({ unit })}
          problem={problemOf('unit')}
        />
        <EntryTextField
          label={t('chartForms.fields.timesPerDay')}
          value={values.timesPerDay}
          onChange={(timesPerDay) => change({ timesPerDay })}
          problem={problemOf('timesPerDay')}
          inputMode="numeric"
          maxLength={2}
          required
        />
        <EntrySelect
          label={t('chartForms.fields.route')}
          value={values.route as Route}
          options={administrationRoutes}
          labelOf={(route) => t(`chartForms.options.route.${route}`)}
          onChange={(route) => change({ route })}
          problem={problemOf('route')}
        />
        <EntryTextField
          label={t('chartForms.fields.durationDays')}
          value={values.durationDays}
          onChange={(durationDays) => change({ durationDays })}
          problem={problemOf('durationDays')}
          helper={t('chartForms.fields.durationHint')}
          inputMode="numeric"
          maxLength={4}
        />
        <EntrySelect
          label={t('chartForms.fields.status')}
          value={values.status as Status}
          options={prescriptionStatuses}
          labelOf={(status) => t(`chartForms.options.prescriptionStatus.${status}`)}
          onChange={(status) => change({ status })}
          problem={problemOf('status')}
        />
        {day('startOn', true)}
        {day('stopOn', false)}
      </Box>
      <EntryTextField
        label={t('chartForms.fields.comment')}
        value={values.comment}
        onChange={(comment) => change({ comment })}
        problem={problemOf('comment')}
        multiline
        maxLength={2000}
      />
    </>
  );
}
