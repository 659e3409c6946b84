import type { TableRule } from '../sync/table-rules';

/** The desk's steps on a record request and its files (issue 14, F3), judged against the server's row. */
export const recordRequestRules: readonly TableRule[] = [];
