import { isCalendarDate } from '../../../shared/domain/calendar-date';
import { clinicToday } from './calendar/clinic-time';
import type { ScheduleViewState } from './ScheduleToolbar';

/** The view from the address's query; anything missing or malformed is the default (today, day, everyone). */
export function viewFromParams(params: URLSearchParams): ScheduleViewState {
  const date = params.get('date');
  const choice = params.get('show');
  return {
    period: params.get('period') === 'week' ? 'week' : 'day',
    by: params.get('by') === 'room' ? 'room' : 'specialist',
    choice: choice && choice.length <= 300 ? choice : 'all',
    date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) && isCalendarDate(date) ? date : clinicToday(),
  };
}

export function paramsFromView(view: ScheduleViewState): URLSearchParams {
  return new URLSearchParams({ period: view.period, by: view.by, show: view.choice, date: view.date });
}
