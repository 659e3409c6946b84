import type { TableRule } from '../sync/table-rules';
import { emergencyAccessRule } from './chart-access/emergency-rule';
import { recordRestrictionRule } from './chart-access/restriction-rule';

/** Restrictions and break-the-glass grants as desks push them (issue 14, F4). */
export const chartAccessRules: readonly TableRule[] = [recordRestrictionRule, emergencyAccessRule];
