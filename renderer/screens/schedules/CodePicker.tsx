import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DictionaryItem } from '../../../shared/api/dictionary-calls';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { FieldMessage } from '../../forms/FieldMessage';
import type { FieldProblem } from '../../forms/field-problem';

/**
 * An НСИ code of the staff dictionaries (1066 specialties, 1002 positions, 1070 services), picked
 * by typing a code or words of the name (`dictionaries.searchScheduleCodes`: the schedule's keepers,
 * admins too); a code already saved shows its name.
 */
export function CodePicker({
  dictionary,
  label,
  value,
  onPick,
  problem,
  autoFocus,
  knownName,
}: {
  dictionary: 'specialties' | 'positions' | 'services';
  label: string;
  value: string;
  onPick(item: DictionaryItem | null): void;
  problem?: FieldProblem;
  autoFocus?: boolean;
  /** The saved code's name as the schedule already knows it (no dictionary read needed to show it). */
  knownName?: string | null;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<DictionaryItem | null>(() =>
    value !== '' && knownName ? { code: value, name: knownName, retired: false, data: {} } : null,
  );
  const found = useApiQuery(
    `${dictionary}:${query}`,
    (client) => client.dictionaries.searchScheduleCodes({ name: dictionary, query: query.trim(), limit: 30 }),
    150,
  );
  useEffect(() => {
    if (value === '' || picked?.code === value) return;
    let current = true;
    void api.dictionaries.getScheduleCode({ name: dictionary, code: value }).then((answer) => {
      if (!current) return;
      // A code the dictionary cannot name here still shows, as its code.
      setPicked(answer.ok && answer.data.item ? answer.data.item : { code: value, name: '', retired: false, data: {} });
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
      noOptionsText={found.status === 'failed' ? t('schedules.picker.failed') : t('schedules.picker.nothing')}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          required
          autoFocus={autoFocus}
          placeholder={t('schedules.picker.typeToSearch')}
          error={problem !== undefined}
          helperText={problem ? <FieldMessage problem={problem} /> : ' '}
          slotProps={{ ...params.slotProps, inputLabel: { ...params.slotProps.inputLabel, shrink: true } }}
        />
      )}
    />
  );
}
