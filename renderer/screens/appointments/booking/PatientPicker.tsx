import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientSummary } from '../../../../shared/domain/patient';
import { useApiQuery } from '../../../api/use-api-query';
import { FieldMessage } from '../../../forms/FieldMessage';
import type { FieldProblem } from '../../../forms/field-problem';
import { fullName } from '../../../format/person-name';
import { PatientOption } from '../../../search/PatientOption';
import { searchLimit } from '../../../search/search-context';

/**
 * The patient for a booking, found as in the top bar (the desk's one patient search, its options
 * shown the same way: name, birth date, SNILS, phone); the first match is highlighted, Enter picks it.
 */
export function PatientPicker({
  value,
  onPick,
  problem,
  autoFocus,
}: {
  value: PatientSummary | null;
  onPick(patient: PatientSummary | null): void;
  problem?: FieldProblem;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const trimmed = query.trim();
  const found = useApiQuery(
    `booking-patient:${trimmed}`,
    trimmed === '' ? null : (api) => api.patients.search({ query: trimmed, limit: searchLimit }),
    150,
  );
  const options =
    found.status === 'ok' ? found.data.items : found.status === 'loading' ? (found.previous?.items ?? []) : [];
  return (
    <Autocomplete<PatientSummary, false, false, false>
      options={options}
      value={value}
      autoHighlight
      filterOptions={(all) => all}
      getOptionLabel={fullName}
      getOptionKey={(patient) => patient.id}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_event, patient) => onPick(patient)}
      onInputChange={(_event, text, reason) => {
        if (reason === 'input' || reason === 'clear') setQuery(text);
      }}
      loading={found.status === 'loading'}
      loadingText={t('common.loading')}
      noOptionsText={trimmed === '' ? t('appointments.book.typeToSearch') : t('appointments.book.nobody')}
      renderOption={(props, patient) => {
        const { key, ...rest } = props;
        return <PatientOption key={key} patient={patient} {...rest} />;
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('appointments.book.patient')}
          placeholder={t('appointments.book.patientPlaceholder')}
          required
          autoFocus={autoFocus}
          error={problem !== undefined}
          helperText={problem ? <FieldMessage problem={problem} /> : ' '}
          slotProps={{
            ...params.slotProps,
            inputLabel: { ...params.slotProps.inputLabel, shrink: true },
            htmlInput: { ...params.slotProps.htmlInput, maxLength: 200 },
          }}
        />
      )}
    />
  );
}
