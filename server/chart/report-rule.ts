import type { TableRule } from '../sync/table-rules';

/** Patients' inaccuracy reports: the server writes them; a reviewing doctor decides them. */
export const chartReportRule: TableRule = { table: 'chart_reports', permission: 'chart.write' };
