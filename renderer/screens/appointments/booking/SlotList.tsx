import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import { useTranslation } from 'react-i18next';
import type { ScheduleView } from '../../../../shared/api/appointments-calls';
import { localMoment, russianDate, timeOf, weekdayOf } from '../calendar/clinic-time';

export interface SlotView {
  specialistId: string;
  roomId: string | null;
  serviceTypeId: string;
  startsAt: string;
  endsAt: string;
}

/** Free times as a list of buttons (arrows and Enter pick one): the day, the time, whose. */
export function SlotList({
  slots,
  options,
  label,
  onPick,
}: {
  slots: readonly SlotView[];
  options: ScheduleView;
  label: string;
  onPick(slot: SlotView): void;
}) {
  const { t } = useTranslation();
  const nameOf = new Map(options.specialists.map((specialist) => [specialist.id, specialist.displayName]));
  const roomOf = new Map(options.rooms.map((room) => [room.id, room.name]));
  return (
    <List aria-label={label} dense sx={{ maxHeight: 320, overflow: 'auto' }}>
      {slots.map((slot) => {
        const moment = localMoment(slot.startsAt);
        const weekday = t(`appointments.weekdays.${weekdayOf(moment.date) as 1 | 2 | 3 | 4 | 5 | 6 | 7}`);
        return (
          <ListItem key={`${slot.specialistId}|${slot.startsAt}`} disablePadding>
            <ListItemButton onClick={() => onPick(slot)}>
              <ListItemText
                primary={t('appointments.find.slot', {
                  day: `${weekday} ${russianDate(moment.date)}`,
                  time: timeOf(moment.minute),
                  specialist: nameOf.get(slot.specialistId) ?? slot.specialistId,
                })}
                secondary={slot.roomId ? roomOf.get(slot.roomId) : null}
              />
            </ListItemButton>
          </ListItem>
        );
      })}
    </List>
  );
}
