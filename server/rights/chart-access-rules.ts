import type { TableRule } from '../sync/table-rules';

/** Restrictions and break-the-glass grants as desks push them (issue 14, F4). */
export const chartAccessRules: readonly TableRule[] = [];
