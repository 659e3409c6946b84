import type { TableRule } from '../sync/table-rules';
import { incidentEntryRule } from './entry-rule';
import { incidentRule } from './incident-rule';

/** The desks' writes to the clinic's incident log (issue 15, §6.2), judged against the server's rows. */
export const incidentRules: readonly TableRule[] = [incidentRule, incidentEntryRule];
