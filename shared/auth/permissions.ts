/** Roles and what each may do (A1). The main process enforces this; the renderer only hides. */
export const roles = ['clerk', 'doctor', 'auditor', 'admin'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'session.read',
  'patients.read',
  'patients.write',
  'audit.read',
  'settings.manage',
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  clerk: ['session.read', 'patients.read', 'patients.write'],
  doctor: ['session.read', 'patients.read'],
  auditor: ['session.read', 'audit.read'],
  admin: ['session.read', 'settings.manage'],
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
