import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DictionaryItem } from '../../../../shared/api/dictionary-calls';
import { useApiQuery } from '../../../api/use-api-query';
import { FieldMessage } from '../../../forms/FieldMessage';
import type { FieldProblem } from '../../../forms/field-problem';

/** The insurer of an OMS policy, picked from the insurers dictionary by name or code (B7). */
export function InsurerField({
  value,
  onChange,
  problem,
}: {
  value: string;
  onChange: (code: string) => void;
  problem?: FieldProblem;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<DictionaryItem | null>(null);
  const found = useApiQuery(
    `insurers:${query}`,
    (api) => api.dictionaries.search({ name: 'insurers', query, limit: 20 }),
    200,
  );
  const options =
    found.status === 'ok' ? found.data.items : found.status === 'loading' ? (found.previous?.items ?? []) : [];
  const selected = picked && picked.code === value ? picked : null;
  return (
    <Autocomplete
      options={options}
      value={selected}
      filterOptions={(items) => items}
      getOptionLabel={(item) => `${item.name} (${item.code})`}
      isOptionEqualToValue={(a, b) => a.code === b.code}
      onChange={(_event, item) => {
        setPicked(item);
        onChange(item?.code ?? '');
      }}
      onInputChange={(_event, text, reason) => {
        if (reason === 'input') setQuery(text);
      }}
      loading={found.status === 'loading'}
      loadingText={t('common.loading')}
      noOptionsText={found.status === 'failed' ? t('documents.form.insurerFailed') : t('documents.form.insurerEmpty')}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('documents.fields.insurer')}
          required
          placeholder={t('documents.form.insurerHint')}
          error={problem !== undefined}
          helperText={problem ? <FieldMessage problem={problem} /> : ' '}
          slotProps={{ ...params.slotProps, inputLabel: { ...params.slotProps?.inputLabel, shrink: true } }}
        />
      )}
    />
  );
}
