import { attachToAppointment } from '../services/appointments/attach-to-appointment';
import {
  appointmentRange,
  getAppointment,
  myAppointments,
  patientAppointments,
} from '../services/appointments/appointment-reads';
import { cancelAppointment, markAppointment } from '../services/appointments/change-appointment';
import { findSlots } from '../services/appointments/find-slots';
import { bookAppointment, moveAppointment } from '../services/appointments/request-booking';
import {
  removeScheduleItem,
  saveException,
  savePattern,
  saveRoom,
  saveServiceType,
  saveSpecialist,
} from '../services/appointments/save-schedule';
import { scheduleOptions, wholeSchedule } from '../services/appointments/schedule-options';
import type { Handlers } from './handler-types';

/** Appointments at the desk (issue 13, E1–E3). */
export const appointmentHandlers: Handlers<'appointments'> = {
  'appointments.options': (ctx) => scheduleOptions(ctx),
  'appointments.slots': (ctx, input) => findSlots(ctx, input),
  'appointments.range': (ctx, input) => appointmentRange(ctx, input),
  'appointments.mine': (ctx, input) => myAppointments(ctx, input.date),
  'appointments.patient': (ctx, input) => patientAppointments(ctx, input.patientId),
  'appointments.get': (ctx, input) => getAppointment(ctx, input.appointmentId),
  'appointments.book': (ctx, input) => bookAppointment(ctx, input),
  'appointments.move': (ctx, input) => moveAppointment(ctx, input),
  'appointments.cancel': (ctx, input) => cancelAppointment(ctx, input.appointmentId, input.reason),
  'appointments.mark': (ctx, input) => markAppointment(ctx, input.appointmentId, input.mark),
  'appointments.attach': (ctx, input) => attachToAppointment(ctx, input),
};

/** The schedule (issue 13, E1): admins and senior clerks. */
export const scheduleHandlers: Handlers<'schedules'> = {
  'schedules.get': (ctx) => wholeSchedule(ctx),
  'schedules.saveSpecialist': (ctx, input) => saveSpecialist(ctx, input),
  'schedules.saveRoom': (ctx, input) => saveRoom(ctx, input),
  'schedules.saveServiceType': (ctx, input) => saveServiceType(ctx, input),
  'schedules.savePattern': (ctx, input) => savePattern(ctx, input),
  'schedules.removePattern': (ctx, input) => removeScheduleItem(ctx, 'work_patterns', input.id),
  'schedules.saveException': (ctx, input) => saveException(ctx, input),
  'schedules.removeException': (ctx, input) => removeScheduleItem(ctx, 'schedule_exceptions', input.id),
};
