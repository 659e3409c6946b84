import type { TableRule } from '../sync/table-rules';

/** Consents to share and the sendings under them (D6). */
export const shareRules: readonly TableRule[] = [
  { table: 'share_consents', permission: 'chart.write' },
  { table: 'chart_shares', permission: 'chart.write' },
];
