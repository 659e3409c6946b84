import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Search from '@mui/icons-material/Search';
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { chartFilterSchema, type ChartFilter } from '../../../../shared/chart/chart-views';
import { chartEntryKinds, visitTypes, type ChartEntryKind, type VisitType } from '../../../../shared/chart/entry-kinds';
import { formatRussianDate, isCalendarDate, parseRussianDate } from '../../../../shared/domain/calendar-date';
import { MaskedTextField } from '../../../forms/MaskedTextField';
import { dateMask } from '../../../forms/masks';

export const noChartFilter: ChartFilter = chartFilterSchema.parse({});

const any = '';

/** A typed date (ДД.ММ.ГГГГ) as the filter takes it: a full real date, or none while it is empty or incomplete. */
function dayOf(text: string): string | null {
  const iso = parseRussianDate(text);
  return iso && isCalendarDate(iso) ? iso : null;
}

/**
 * The history's filters (D1): the search box (a code or words; `/` puts the caret here), the date
 * range, the type of visit, the kind, the doctor, a diagnosis code prefix. (Removed entries: `IncludeDeletedSwitch`.)
 */
export function ChartFilters({
  filter,
  doctors,
  onChange,
  searchRef,
}: {
  filter: ChartFilter;
  doctors: readonly { id: string; name: string }[];
  onChange(filter: ChartFilter): void;
  searchRef: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  // What the doctor typed in the date fields: the filter takes it once it is a whole date.
  const [from, setFrom] = useState(filter.from ? formatRussianDate(filter.from) : '');
  const [to, setTo] = useState(filter.to ? formatRussianDate(filter.to) : '');
  const changeDate = (field: 'from' | 'to', text: string) => {
    (field === 'from' ? setFrom : setTo)(text);
    const day = dayOf(text);
    if (day !== filter[field] && (day !== null || text.replace(/\D/g, '') === ''))
      onChange({ ...filter, [field]: day });
  };
  const dateProblem = (text: string) => text.replace(/\D/g, '').length === 8 && dayOf(text) === null;

  return (
    <Box
      role="search"
      aria-label={t('chart.filters.label')}
      sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', mb: 1 }}
    >
      <TextField
        size="small"
        label={t('chart.filters.search')}
        value={filter.text}
        onChange={(event) => onChange({ ...filter, text: event.target.value })}
        inputRef={searchRef}
        sx={{ minWidth: 170, flex: '1 1 170px' }}
        slotProps={{
          htmlInput: { maxLength: 100, 'aria-keyshortcuts': '/' },
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <Search fontSize="small" aria-hidden />
              </InputAdornment>
            ),
          },
        }}
      />
      <MaskedTextField
        size="small"
        mask={dateMask}
        label={t('chart.filters.from')}
        placeholder={t('chart.filters.datePlaceholder')}
        value={from}
        onChange={(text) => changeDate('from', text)}
        error={dateProblem(from)}
        sx={{ width: 122 }}
      />
      <MaskedTextField
        size="small"
        mask={dateMask}
        label={t('chart.filters.to')}
        placeholder={t('chart.filters.datePlaceholder')}
        value={to}
        onChange={(text) => changeDate('to', text)}
        error={dateProblem(to)}
        sx={{ width: 122 }}
      />
      <TextField
        select
        size="small"
        label={t('chart.filters.visitType')}
        value={filter.visitTypes[0] ?? any}
        onChange={(event) =>
          onChange({ ...filter, visitTypes: event.target.value === any ? [] : [event.target.value as VisitType] })
        }
        sx={{ width: 140 }}
      >
        <MenuItem value={any}>{t('chart.filters.any')}</MenuItem>
        {visitTypes.map((value) => (
          <MenuItem key={value} value={value}>
            {t(`chart.history.visitTypes.${value}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label={t('chart.filters.kind')}
        value={filter.kinds[0] ?? any}
        onChange={(event) =>
          onChange({ ...filter, kinds: event.target.value === any ? [] : [event.target.value as ChartEntryKind] })
        }
        sx={{ width: 140 }}
      >
        <MenuItem value={any}>{t('chart.filters.any')}</MenuItem>
        {chartEntryKinds.map((value) => (
          <MenuItem key={value} value={value}>
            {t(`chart.kinds.${value}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label={t('chart.filters.doctor')}
        value={filter.doctorIds[0] ?? any}
        onChange={(event) => onChange({ ...filter, doctorIds: event.target.value === any ? [] : [event.target.value] })}
        sx={{ width: 170 }}
      >
        <MenuItem value={any}>{t('chart.filters.any')}</MenuItem>
        {doctors.map((doctor) => (
          <MenuItem key={doctor.id} value={doctor.id}>
            {doctor.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        size="small"
        label={t('chart.filters.diagnosis')}
        value={filter.diagnosis}
        onChange={(event) => onChange({ ...filter, diagnosis: event.target.value.toUpperCase() })}
        sx={{ width: 150 }}
        slotProps={{ htmlInput: { maxLength: 16 } }}
      />
    </Box>
  );
}

/** Whether removed entries show (struck through): a view setting, beside the history's title. */
export function IncludeDeletedSwitch({
  filter,
  onChange,
}: {
  filter: ChartFilter;
  onChange(filter: ChartFilter): void;
}) {
  const { t } = useTranslation();
  return (
    <FormControlLabel
      control={
        <Switch
          checked={filter.includeDeleted}
          onChange={(_, checked) => onChange({ ...filter, includeDeleted: checked })}
        />
      }
      label={t('chart.filters.includeDeleted')}
    />
  );
}
