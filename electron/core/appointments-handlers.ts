import type { Handlers } from './handler-types';

/** Stubs until issue 13's desk services land (H4 replaces each with its service). */
function pending(): never {
  throw new Error('issue 13: not yet wired');
}

/** Appointments at the desk (issue 13, E1–E3). */
export const appointmentHandlers: Handlers<'appointments'> = {
  'appointments.options': () => pending(),
  'appointments.slots': () => pending(),
  'appointments.range': () => pending(),
  'appointments.mine': () => pending(),
  'appointments.patient': () => pending(),
  'appointments.get': () => pending(),
  'appointments.book': () => pending(),
  'appointments.move': () => pending(),
  'appointments.cancel': () => pending(),
  'appointments.mark': () => pending(),
  'appointments.attach': () => pending(),
};

/** The schedule (issue 13, E1): admins and senior clerks. */
export const scheduleHandlers: Handlers<'schedules'> = {
  'schedules.get': () => pending(),
  'schedules.saveSpecialist': () => pending(),
  'schedules.saveRoom': () => pending(),
  'schedules.saveServiceType': () => pending(),
  'schedules.savePattern': () => pending(),
  'schedules.removePattern': () => pending(),
  'schedules.saveException': () => pending(),
  'schedules.removeException': () => pending(),
};
