import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { ApplicationQueueFilter } from '../../../shared/api/application-calls';
import { applicationChannels, applicationStatuses, type ApplicationStatus } from '../../../shared/domain/application';

const openOnly = 'open';

/** The queue's filters: a part of the number or a surname, the status, the channel, overdue and urgent only. */
export function ApplicationsFilters({
  filter,
  onChange,
}: {
  filter: ApplicationQueueFilter;
  onChange(filter: ApplicationQueueFilter): void;
}) {
  const { t } = useTranslation();
  const status = filter.statuses.length === 1 ? filter.statuses[0]! : openOnly;
  return (
    <Box
      role="search"
      aria-label={t('applications.filters.label')}
      sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center', mb: 2 }}
    >
      <TextField
        size="small"
        label={t('applications.filters.search')}
        value={filter.search}
        onChange={(event) => onChange({ ...filter, search: event.target.value })}
        sx={{ minWidth: 240 }}
      />
      <TextField
        select
        size="small"
        label={t('applications.filters.status')}
        value={status}
        onChange={(event) =>
          onChange({
            ...filter,
            statuses: event.target.value === openOnly ? [] : [event.target.value as ApplicationStatus],
          })
        }
        sx={{ minWidth: 200 }}
      >
        <MenuItem value={openOnly}>{t('applications.filters.openOnly')}</MenuItem>
        {applicationStatuses.map((value) => (
          <MenuItem key={value} value={value}>
            {t(`applications.status.${value}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label={t('applications.filters.channel')}
        value={filter.channel ?? ''}
        onChange={(event) =>
          onChange({ ...filter, channel: event.target.value === '' ? null : (event.target.value as 'portal' | 'desk') })
        }
        sx={{ minWidth: 180 }}
      >
        <MenuItem value="">{t('applications.filters.anyChannel')}</MenuItem>
        {applicationChannels.map((value) => (
          <MenuItem key={value} value={value}>
            {t(`applications.channel.${value}`)}
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
        label={t('applications.filters.overdueOnly')}
      />
      <FormControlLabel
        control={
          <Switch checked={filter.urgentOnly} onChange={(_, checked) => onChange({ ...filter, urgentOnly: checked })} />
        }
        label={t('applications.filters.urgentOnly')}
      />
    </Box>
  );
}
