import FilterListOutlined from '@mui/icons-material/FilterListOutlined';
import SearchOutlined from '@mui/icons-material/SearchOutlined';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent } from 'react';
import { chartEntryKinds, visitTypes } from '../../../shared/chart/entry-kinds';
import { emptyFilter, type CabinetFilter } from '../../api/chart-client';
import { useTexts } from '../../i18n/use-texts';
import { isFiltered } from './history-filter';
import { ToggleChips } from './ToggleChips';

/**
 * The history's filters (the desk's: dates, type of visit, kind, diagnosis code, words). The words
 * are always at hand; the rest open under «Фильтры». Applied together with «Показать».
 */
export function HistoryFilters({ filter, onApply }: { filter: CabinetFilter; onApply: (next: CabinetFilter) => void }) {
  const { t } = useTexts();
  const [draft, setDraft] = useState(filter);
  const [open, setOpen] = useState(
    filter.from !== null ||
      filter.to !== null ||
      filter.visitTypes.length + filter.kinds.length > 0 ||
      !!filter.diagnosis,
  );
  useEffect(() => setDraft(filter), [filter]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const set = <K extends keyof CabinetFilter>(key: K, value: CabinetFilter[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  return (
    <Stack component="form" role="search" aria-label={t('cards.filters')} noValidate onSubmit={submit} spacing={2}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }}>
        <TextField
          id="history-text"
          label={t('cards.text')}
          value={draft.text}
          onChange={(event) => set('text', event.target.value)}
          slotProps={{ htmlInput: { maxLength: 100 } }}
          fullWidth
        />
        <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
          <Button type="submit" variant="contained" startIcon={<SearchOutlined />}>
            {t('cards.apply')}
          </Button>
          <Button
            variant="outlined"
            startIcon={<FilterListOutlined />}
            aria-expanded={open}
            aria-controls="history-more-filters"
            onClick={() => setOpen((value) => !value)}
          >
            {t('cards.filters')}
          </Button>
        </Stack>
      </Stack>
      {open ? (
        <Stack id="history-more-filters" spacing={2}>
          <Grid container spacing={2}>
            <Grid size={{ xs: 6, md: 3 }}>
              <TextField
                id="history-from"
                type="date"
                label={t('cards.from')}
                value={draft.from ?? ''}
                onChange={(event) => set('from', event.target.value || null)}
                slotProps={{ inputLabel: { shrink: true } }}
                fullWidth
              />
            </Grid>
            <Grid size={{ xs: 6, md: 3 }}>
              <TextField
                id="history-to"
                type="date"
                label={t('cards.to')}
                value={draft.to ?? ''}
                onChange={(event) => set('to', event.target.value || null)}
                slotProps={{ inputLabel: { shrink: true } }}
                fullWidth
              />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <TextField
                id="history-diagnosis"
                label={t('cards.diagnosis')}
                helperText={t('cards.diagnosisHelp')}
                value={draft.diagnosis}
                onChange={(event) => set('diagnosis', event.target.value.toUpperCase())}
                slotProps={{ htmlInput: { maxLength: 16, autoCapitalize: 'characters' } }}
                fullWidth
              />
            </Grid>
          </Grid>
          <ToggleChips
            label={t('cards.kinds')}
            options={chartEntryKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
            chosen={draft.kinds}
            onChange={(kinds) => set('kinds', kinds)}
          />
          <ToggleChips
            label={t('cards.visitTypes')}
            options={visitTypes.map((type) => ({ value: type, label: t(`visitTypes.${type}`) }))}
            chosen={draft.visitTypes}
            onChange={(types) => set('visitTypes', types)}
          />
        </Stack>
      ) : null}
      {isFiltered(filter) ? (
        <Button
          variant="text"
          onClick={() => {
            setDraft(emptyFilter);
            onApply(emptyFilter);
          }}
          sx={{ alignSelf: 'flex-start' }}
        >
          {t('cards.reset')}
        </Button>
      ) : null}
    </Stack>
  );
}
