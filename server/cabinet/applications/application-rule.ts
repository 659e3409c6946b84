import type { TableRule } from '../../sync/table-rules';

/** Desks' writes to applications and their journal, judged by the server. */
export const applicationRules: readonly TableRule[] = [];
