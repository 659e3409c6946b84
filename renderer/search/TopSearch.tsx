import SearchOutlined from '@mui/icons-material/SearchOutlined';
import Autocomplete from '@mui/material/Autocomplete';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PatientSummary } from '../../shared/domain/patient';
import { fullName } from '../format/person-name';
import { useLanguage } from '../i18n/language';
import { PatientOption } from './PatientOption';
import { useSearch } from './search-context';
import { useFocusShortcut } from './use-focus-shortcut';

/**
 * The one search box (UX.md): type, then arrows + Enter open a card. While the answer to the
 * latest keystroke is on its way, the previous matches stay visible but cannot be chosen, so
 * Enter never opens a patient the clerk did not ask for. Enter pressed before the answer
 * arrives opens the match when it is the only one (a SNILS typed and entered in one go).
 */
export function TopSearch() {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const navigate = useNavigate();
  const { query, setQuery, result } = useSearch();
  const input = useRef<HTMLInputElement>(null);
  useFocusShortcut(input);
  const pendingEnter = useRef<string | null>(null);
  const [popupOpen, setPopupOpen] = useState(false);

  const openCard = (patient: PatientSummary) => {
    pendingEnter.current = null;
    setPopupOpen(false);
    setQuery('');
    navigate(`/patients/${patient.id}`);
    // The card is what the clerk asked for: reading starts there (F2 comes back here).
    document.querySelector<HTMLElement>('main')?.focus();
  };

  useEffect(() => {
    if (result.status !== 'ok' || pendingEnter.current !== query.trim()) return;
    pendingEnter.current = null;
    const [only, ...others] = result.data.items;
    if (only && others.length === 0) openCard(only);
  }, [result, query]);

  const stale = result.status === 'loading';
  const options: PatientSummary[] =
    result.status === 'ok' ? result.data.items : result.status === 'loading' ? (result.previous?.items ?? []) : [];
  const noOptionsText =
    result.status === 'failed' ? t('search.failed', { message: pick(result.error.message) }) : t('search.noResults');

  return (
    <Autocomplete<PatientSummary, false, false, false>
      sx={{ flex: 1, maxWidth: 760 }}
      options={options}
      filterOptions={(all) => all}
      getOptionLabel={fullName}
      getOptionKey={(patient) => patient.id}
      getOptionDisabled={() => stale}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      value={null}
      inputValue={query}
      open={popupOpen && query.trim() !== ''}
      onOpen={() => setPopupOpen(true)}
      onClose={() => setPopupOpen(false)}
      onInputChange={(_event, value, reason) => {
        if (reason !== 'input' && reason !== 'clear') return;
        pendingEnter.current = null;
        setQuery(value);
      }}
      onChange={(_event, patient) => {
        if (patient) openCard(patient);
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Enter') return;
        if (stale) {
          pendingEnter.current = query.trim();
          return;
        }
        // The only match opens even when the list has not highlighted it yet: an answer that
        // arrives just before Enter is rendered a moment before the highlight follows it.
        const [only, ...others] = options;
        if (only && others.length === 0) {
          event.defaultMuiPrevented = true;
          openCard(only);
        }
      }}
      autoHighlight
      clearOnBlur={false}
      forcePopupIcon={false}
      loading={stale}
      loadingText={t('search.searching')}
      noOptionsText={noOptionsText}
      openText={t('search.openList')}
      closeText={t('search.closeList')}
      clearText={t('search.clear')}
      slotProps={{ listbox: { sx: { maxHeight: 'min(60vh, 560px)' } } }}
      renderOption={(props, patient) => {
        const { key, ...rest } = props;
        return <PatientOption key={key} patient={patient} {...rest} />;
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          inputRef={input}
          placeholder={t('search.placeholder')}
          slotProps={{
            ...params.slotProps,
            input: {
              ...params.slotProps.input,
              startAdornment: (
                <InputAdornment position="start">
                  <SearchOutlined />
                </InputAdornment>
              ),
              endAdornment: (
                <>
                  <Typography variant="caption" color="text.secondary" aria-hidden sx={{ whiteSpace: 'nowrap', mr: 1 }}>
                    {t('search.shortcut')}
                  </Typography>
                  {params.slotProps.input.endAdornment}
                </>
              ),
            },
            htmlInput: { ...params.slotProps.htmlInput, 'aria-label': t('search.label'), maxLength: 200 },
          }}
        />
      )}
    />
  );
}
