import type { TableRule } from '../sync/table-rules';

/** Contact history rows (B1): written once by a desk, never changed. */
export const contactChangeRules: readonly TableRule[] = [];
