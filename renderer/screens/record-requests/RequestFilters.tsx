import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { RecordRequestFilter } from '../../../shared/api/record-request-calls';
import { recordRequestStatuses, type RecordRequestStatus } from '../../../shared/rights/record-requests';

const current = 'current';

/** The queue's filters: a part of the number or a surname, the status, overdue and escalated only. */
export function RequestFilters({
  filter,
  onChange,
}: {
  filter: RecordRequestFilter;
  onChange(filter: RecordRequestFilter): void;
}) {
  const { t } = useTranslation();
  const status = filter.statuses.length === 1 ? filter.statuses[0]! : current;
  return (
    <Box
      role="search"
      aria-label={t('recordRequests.filters.label')}
      sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center', mb: 2 }}
    >
      <TextField
        size="small"
        label={t('recordRequests.filters.search')}
        value={filter.search}
        onChange={(event) => onChange({ ...filter, search: event.target.value })}
        sx={{ minWidth: 300 }}
      />
      <TextField
        select
        size="small"
        label={t('recordRequests.filters.status')}
        value={status}
        onChange={(event) =>
          onChange({
            ...filter,
            statuses: event.target.value === current ? [] : [event.target.value as RecordRequestStatus],
          })
        }
        sx={{ minWidth: 260 }}
      >
        <MenuItem value={current}>{t('recordRequests.filters.current')}</MenuItem>
        {recordRequestStatuses.map((value) => (
          <MenuItem key={value} value={value}>
            {t(`recordRequests.status.${value}`)}
          </MenuItem>
        ))}
      </TextField>
      <FormControlLabel
        control={
          <Switch
            checked={filter.overdueOnly}
            onChange={(_, checked) => onChange({ ...filter, overdueOnly: checked })}
          />
        }
        label={t('recordRequests.filters.overdueOnly')}
      />
      <FormControlLabel
        control={
          <Switch
            checked={filter.escalatedOnly}
            onChange={(_, checked) => onChange({ ...filter, escalatedOnly: checked })}
          />
        }
        label={t('recordRequests.filters.escalatedOnly')}
      />
    </Box>
  );
}
