import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ScheduleView } from '../../../shared/api/appointments-calls';
import { russianDate } from './calendar/clinic-time';
import type { CalendarBy, CalendarPeriod, ResourceChoice } from './calendar/columns';

export interface ScheduleViewState {
  period: CalendarPeriod;
  by: CalendarBy;
  choice: ResourceChoice;
  date: string;
}

/** The calendar's controls: day or week, specialists or rooms, whose, which dates. */
export function ScheduleToolbar({
  state,
  options,
  dates,
  onChange,
  onShift,
  onToday,
}: {
  state: ScheduleViewState;
  options: ScheduleView;
  dates: readonly string[];
  onChange(next: Partial<ScheduleViewState>): void;
  onShift(direction: 1 | -1): void;
  onToday(): void;
}) {
  const { t } = useTranslation();
  const departments = [...new Set(options.specialists.map((specialist) => specialist.department).filter(Boolean))];
  const first = dates[0] ?? state.date;
  const last = dates[dates.length - 1] ?? state.date;
  return (
    <Box
      role="toolbar"
      aria-label={t('appointments.toolbar.label')}
      sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2, mb: 2 }}
    >
      <ToggleButtonGroup
        size="small"
        color="primary"
        exclusive
        value={state.period}
        aria-label={t('appointments.toolbar.view')}
        onChange={(_event, period: CalendarPeriod | null) => period && onChange({ period })}
      >
        <ToggleButton value="day">{t('appointments.toolbar.day')}</ToggleButton>
        <ToggleButton value="week">{t('appointments.toolbar.week')}</ToggleButton>
      </ToggleButtonGroup>
      <ToggleButtonGroup
        size="small"
        color="primary"
        exclusive
        value={state.by}
        aria-label={t('appointments.toolbar.by')}
        onChange={(_event, by: CalendarBy | null) => by && onChange({ by, choice: 'all' })}
      >
        <ToggleButton value="specialist">{t('appointments.toolbar.bySpecialist')}</ToggleButton>
        <ToggleButton value="room">{t('appointments.toolbar.byRoom')}</ToggleButton>
      </ToggleButtonGroup>
      <TextField
        select
        size="small"
        label={t('appointments.toolbar.resource')}
        value={state.choice}
        onChange={(event) => onChange({ choice: event.target.value })}
        sx={{ minWidth: 240 }}
      >
        <MenuItem value="all">{t('appointments.toolbar.all')}</MenuItem>
        {state.by === 'specialist' &&
          departments.map((name) => (
            <MenuItem key={`dept:${name}`} value={`dept:${name}`}>
              {t('appointments.toolbar.department', { name })}
            </MenuItem>
          ))}
        {state.by === 'specialist'
          ? options.specialists
              .filter((specialist) => specialist.active)
              .map((specialist) => (
                <MenuItem key={specialist.id} value={specialist.id}>
                  {specialist.displayName}
                </MenuItem>
              ))
          : options.rooms
              .filter((room) => room.active)
              .map((room) => (
                <MenuItem key={room.id} value={room.id}>
                  {room.name}
                </MenuItem>
              ))}
      </TextField>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
        <IconButton aria-label={t('appointments.toolbar.previous')} onClick={() => onShift(-1)}>
          <ChevronLeft />
        </IconButton>
        <Button onClick={onToday}>{t('appointments.toolbar.today')}</Button>
        <IconButton aria-label={t('appointments.toolbar.next')} onClick={() => onShift(1)}>
          <ChevronRight />
        </IconButton>
        <Typography aria-live="polite" sx={{ ml: 1, fontWeight: 500, fontVariantNumeric: 'tabular-nums' }}>
          {first === last
            ? russianDate(first)
            : t('appointments.toolbar.range', { from: russianDate(first), to: russianDate(last) })}
        </Typography>
      </Box>
    </Box>
  );
}
