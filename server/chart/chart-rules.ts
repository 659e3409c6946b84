import type { TableRule } from '../sync/table-rules';
import { chartEntryRules } from './entry-rule';
import { chartReportRule } from './report-rule';
import { shareRules } from './share-rules';

/**
 * The chart's tables (issue 12) and who may write them: a doctor (`chart.write`), never a clerk.
 * Each table's own checks live beside its feature; this only composes them for server/app.ts.
 */
export const chartRules: readonly TableRule[] = [...chartEntryRules, chartReportRule, ...shareRules];
