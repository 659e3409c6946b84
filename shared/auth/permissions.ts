/** Roles and what each may do (A1). The main process enforces this; the renderer only hides. */
export const roles = ['clerk', 'senior_clerk', 'doctor', 'auditor', 'admin'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'session.read',
  /** A person's own account: password, keys, TOTP, recovery codes. */
  'account.self',
  'patients.read',
  'patients.write',
  'audit.read',
  'settings.manage',
  /** Staff accounts: create, deactivate, reset a password, enrol or revoke someone's key. */
  'staff.manage',
  /** The clinical chart (issue 12, D1–D6): a doctor's; clerks see administrative data only. */
  'chart.read',
  /** Write, amend and remove chart entries; review patients' inaccuracy reports; share with consent. */
  'chart.write',
  /** Appointments (issue 13, E1–E3): the day and week views, free slots, a doctor's own day. */
  'appointments.read',
  /** Book, cancel, move; arrival and no-show marks; attachments. */
  'appointments.write',
  /** The schedule: specialists, rooms, service types, working patterns, exceptions, limits. */
  'schedules.manage',
  /** Patients' rights (issue 14, F3): the record requests' queue and fulfilment, exports of a record. */
  'records.release',
  /** Operations (issue 15, G4/G5): the desk's backups and restore drill, every desk's health and its thresholds. */
  'ops.manage',
  /** Report an incident (issue 15, §6.2): anyone at the clinic who sees something wrong. */
  'incidents.report',
  /** Handle incidents: take, record the timeline, resolve, review; the 152-ФЗ leak notices. */
  'incidents.manage',
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  clerk: [
    'session.read',
    'account.self',
    'patients.read',
    'patients.write',
    'appointments.read',
    'appointments.write',
    'records.release',
    'incidents.report',
  ],
  /** A clerk who also keeps the schedule (E1: "admins and senior clerks manage them"). */
  senior_clerk: [
    'session.read',
    'account.self',
    'patients.read',
    'patients.write',
    'appointments.read',
    'appointments.write',
    'schedules.manage',
    'records.release',
    'incidents.report',
  ],
  doctor: [
    'session.read',
    'account.self',
    'patients.read',
    'chart.read',
    'chart.write',
    'appointments.read',
    'records.release',
    'incidents.report',
  ],
  auditor: ['session.read', 'account.self', 'audit.read', 'incidents.report', 'incidents.manage'],
  admin: [
    'session.read',
    'account.self',
    'settings.manage',
    'staff.manage',
    'schedules.manage',
    'appointments.read',
    'ops.manage',
    'incidents.report',
    'incidents.manage',
  ],
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
