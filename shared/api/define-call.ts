import type { z } from 'zod';
import type { Permission } from '../auth/permissions';

/** One call of the contract: what it takes, what it answers, and who may make it. */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  permission: Permission;
  /** The call changes synced data: the sync worker is told at once rather than at its next poll. */
  writes?: boolean;
}

export function defineCall<I extends z.ZodType, O extends z.ZodType>(spec: CallSpec<I, O>): CallSpec<I, O> {
  return spec;
}
