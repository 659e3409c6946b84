import type { TableRule } from '../sync/table-rules';

/** Chart entries and their previous versions: a doctor's to write. */
export const chartEntryRules: readonly TableRule[] = [
  { table: 'chart_entries', permission: 'chart.write' },
  { table: 'chart_revisions', permission: 'chart.write' },
];
