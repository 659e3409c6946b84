import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DictionaryItem } from '../../../../shared/api/dictionary-calls';
import { useApi } from '../../../api/api-context';
import { useApiQuery } from '../../../api/use-api-query';
import { FieldMessage } from '../../../forms/FieldMessage';
import type { FieldProblem } from '../../../forms/field-problem';

export type ChartDictionary = 'icd10' | 'medicines' | 'services';

/**
 * An НСИ code picked by typing (D2): a code prefix or words of the name in any order (the desk's
 * `dictionaries.search`); the list opens as the doctor types, the first match is highlighted, so
 * Enter picks it. A code already written (an amendment) shows with its name.
 */
export function DictionaryPicker({
  dictionary,
  label,
  value,
  onPick,
  problem,
  autoFocus,
  required = true,
  describe,
}: {
  dictionary: ChartDictionary;
  label: string;
  /** The picked code ('' for none). */
  value: string;
  onPick(item: DictionaryItem | null): void;
  problem?: FieldProblem;
  autoFocus?: boolean;
  required?: boolean;
  /** A second line under an option (a medicine's form, dose and АТХ). */
  describe?(item: DictionaryItem): string;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<DictionaryItem | null>(null);
  const found = useApiQuery(
    `${dictionary}:${query}`,
    query.trim() === '' ? null : (client) => client.dictionaries.search({ name: dictionary, query, limit: 20 }),
    150,
  );
  // A code written before (an amendment): its name from the dictionary.
  useEffect(() => {
    if (value === '' || picked?.code === value) return;
    let current = true;
    void api.dictionaries.get({ name: dictionary, code: value }).then((answer) => {
      if (current && answer.ok && answer.data.item) setPicked(answer.data.item);
    });
    return () => {
      current = false;
    };
  }, [api, dictionary, value, picked]);

  const options =
    found.status === 'ok' ? found.data.items : found.status === 'loading' ? (found.previous?.items ?? []) : [];
  const selected = picked && picked.code === value ? picked : null;
  return (
    <Autocomplete
      options={options}
      value={selected}
      autoHighlight
      sx={{ mb: 1 }}
      filterOptions={(items) => items}
      getOptionLabel={(item) => `${item.code} ${item.name}`}
      isOptionEqualToValue={(a, b) => a.code === b.code}
      onChange={(_event, item) => {
        setPicked(item);
        onPick(item);
      }}
      onInputChange={(_event, text, reason) => {
        if (reason === 'input') setQuery(text);
      }}
      loading={found.status === 'loading'}
      loadingText={t('common.loading')}
      noOptionsText={
        found.status === 'failed'
          ? t('chartForms.picker.failed')
          : query.trim() === ''
            ? t('chartForms.picker.typeToSearch')
            : t('chartForms.picker.nothing')
      }
      renderOption={({ key, ...props }, item) => (
        <Box component="li" key={key} {...props} sx={{ display: 'block !important' }}>
          <Typography component="span" sx={{ fontWeight: 600, mr: 1 }}>
            {item.code}
          </Typography>
          <Typography component="span">{item.name}</Typography>
          {describe && (
            <Typography variant="body2" color="text.secondary">
              {describe(item)}
            </Typography>
          )}
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          required={required}
          autoFocus={autoFocus}
          placeholder={t(`chartForms.picker.hint.${dictionary}`)}
          error={problem !== undefined}
          helperText={problem ? <FieldMessage problem={problem} /> : selected && describe ? describe(selected) : ' '}
          slotProps={{ ...params.slotProps, inputLabel: { ...params.slotProps?.inputLabel, shrink: true } }}
        />
      )}
    />
  );
}
