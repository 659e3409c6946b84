import type { TableRule } from '../sync/table-rules';
import { appointmentRule } from './appointment-rule';
import { attachmentRule } from './attachment-rule';

/**
 * The appointments' tables (issue 13) and who may write them: the schedule is managed by senior
 * clerks and admins (`schedules.manage`; the desk checks its rules, the last change wins); bookings
 * and their attachments are the front desk's, each judged by its rule. Composed for server/app.ts.
 */
const scheduleTables = ['specialists', 'rooms', 'service_types', 'work_patterns', 'schedule_exceptions'] as const;

export const appointmentRules: readonly TableRule[] = [
  ...scheduleTables.map((table): TableRule => ({ table, permission: 'schedules.manage' })),
  appointmentRule,
  attachmentRule,
];
