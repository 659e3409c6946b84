import type { TableRule } from '../sync/table-rules';
import { recordRequestFileRule } from './record-requests/request-file-rule';
import { recordRequestStepRule } from './record-requests/request-step-rule';

/** The desk's steps on a record request and its files (issue 14, F3), judged against the server's row. */
export const recordRequestRules: readonly TableRule[] = [recordRequestStepRule, recordRequestFileRule];
