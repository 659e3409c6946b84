import { useTranslation } from 'react-i18next';
import type { ScheduleView } from '../../../shared/api/appointments-calls';
import { formatRussianDate } from '../../../shared/domain/calendar-date';
import type { SetupRow } from './SetupTable';

export type SetupPart = 'specialists' | 'rooms' | 'services' | 'patterns' | 'exceptions';

/** The table of one part of the schedule: its column names and a row per item, in words. */
export function useSetupRows(schedule: ScheduleView | null, part: SetupPart): { columns: string[]; rows: SetupRow[] } {
  const { t } = useTranslation();
  if (!schedule) return { columns: [], rows: [] };
  const specialistName = new Map(schedule.specialists.map((item) => [item.id, item.displayName]));
  const roomName = new Map(schedule.rooms.map((item) => [item.id, item.name]));
  const serviceName = new Map(schedule.serviceTypes.map((item) => [item.id, item.name]));
  const state = (active: boolean) => (active ? t('schedules.active') : t('schedules.inactive'));
  switch (part) {
    case 'specialists':
      return {
        columns: [
          t('schedules.specialist.displayName'),
          t('schedules.specialist.specialty'),
          t('schedules.specialist.position'),
          t('schedules.specialist.department'),
          t('schedules.specialist.room'),
          t('schedules.active'),
        ],
        rows: schedule.specialists.map((item) => ({
          id: item.id,
          name: item.displayName,
          muted: !item.active,
          cells: [
            item.displayName,
            item.specialtyName ?? item.specialtyCode,
            item.positionName ?? item.positionCode,
            item.department ?? t('schedules.none'),
            (item.roomId && roomName.get(item.roomId)) ?? t('schedules.none'),
            state(item.active),
          ],
        })),
      };
    case 'rooms':
      return {
        columns: [t('schedules.room.name'), t('schedules.active')],
        rows: schedule.rooms.map((item) => ({
          id: item.id,
          name: item.name,
          muted: !item.active,
          cells: [item.name, state(item.active)],
        })),
      };
    case 'services':
      return {
        columns: [
          t('schedules.service.name'),
          t('schedules.service.code'),
          t('schedules.service.duration'),
          t('schedules.service.mode'),
          t('schedules.service.dailyLimit'),
          t('schedules.active'),
        ],
        rows: schedule.serviceTypes.map((item) => ({
          id: item.id,
          name: item.name,
          muted: !item.active,
          cells: [
            item.name,
            item.serviceCode,
            t('schedules.service.minutes', { count: item.durationMin }),
            t(`appointments.mode.${item.mode}`),
            item.dailyLimit ? t('schedules.service.limit', { count: item.dailyLimit }) : t('schedules.none'),
            state(item.active),
          ],
        })),
      };
    case 'patterns':
      return {
        columns: [
          t('schedules.pattern.specialist'),
          t('schedules.pattern.weekday'),
          t('schedules.pattern.breaks'),
          t('schedules.pattern.room'),
          t('schedules.pattern.services'),
          t('schedules.pattern.validFrom'),
        ],
        rows: [...schedule.patterns]
          .sort((a, b) => a.specialistId.localeCompare(b.specialistId) || a.weekday - b.weekday)
          .map((item) => {
            const summary = t('schedules.pattern.summary', {
              weekday: t(`schedules.weekdays.${item.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7}`),
              starts: item.starts,
              ends: item.ends,
            });
            const who = specialistName.get(item.specialistId) ?? item.specialistId;
            return {
              id: item.id,
              name: `${who}, ${summary}`,
              cells: [
                who,
                summary,
                item.breaks.map((pause) => `${pause.starts}–${pause.ends}`).join(', ') || t('schedules.none'),
                (item.roomId && roomName.get(item.roomId)) ?? t('schedules.ownRoom'),
                item.serviceTypeIds
                  ? item.serviceTypeIds.map((id) => serviceName.get(id) ?? id).join(', ')
                  : t('schedules.allServices'),
                item.validTo
                  ? t('schedules.pattern.validityTo', {
                      from: formatRussianDate(item.validFrom),
                      to: formatRussianDate(item.validTo),
                    })
                  : t('schedules.pattern.validity', { from: formatRussianDate(item.validFrom) }),
              ],
            };
          }),
      };
    case 'exceptions':
      return {
        columns: [
          t('schedules.exception.specialist'),
          t('schedules.exception.kind'),
          t('schedules.exception.fromDate'),
          t('schedules.exception.note'),
        ],
        rows: [...schedule.exceptions]
          .sort((a, b) => b.fromDate.localeCompare(a.fromDate))
          .map((item) => {
            const who = item.specialistId
              ? (specialistName.get(item.specialistId) ?? item.specialistId)
              : t('schedules.clinicWide');
            const kind =
              item.kind === 'hours' && item.starts && item.ends
                ? `${t('schedules.exception.kinds.hours')} ${item.starts}–${item.ends}`
                : t(`schedules.exception.kinds.${item.kind}`);
            const period = t('schedules.exception.period', {
              from: formatRussianDate(item.fromDate),
              to: formatRussianDate(item.toDate),
            });
            return {
              id: item.id,
              name: `${who}, ${kind}, ${period}`,
              cells: [who, kind, period, item.note ?? t('schedules.none')],
            };
          }),
      };
  }
}
