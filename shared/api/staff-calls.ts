import { z } from 'zod';
import { roles } from '../auth/permissions';
import { displayNameSchema, newLoginSchema, newPasswordSchema, staffIdSchema } from './auth-calls';
import { defineCall } from './define-call';

export const staffSummarySchema = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  active: z.boolean(),
  /** The end of a running lock, or null. */
  lockedUntil: z.string().nullable(),
  keys: z.number().int(),
  totp: z.boolean(),
  recoveryCodesLeft: z.number().int(),
  mustEnrolKey: z.boolean(),
  mustChangePassword: z.boolean(),
  /**
   * The server refused this account (`sync.actor_unknown`…, issue 10): it is disabled on this desk
   * and `active` is false. The refusal's code, or null.
   */
  serverRefused: z.string().nullable(),
});
export type StaffSummary = z.infer<typeof staffSummarySchema>;

const staffRef = z.strictObject({ staffId: staffIdSchema });

/** The admin's staff management (A1). */
export const staffCalls = {
  'staff.list': defineCall({
    input: z.strictObject({}),
    output: z.object({ items: z.array(staffSummarySchema) }),
    permission: 'staff.manage',
  }),
  'staff.create': defineCall({
    input: z.strictObject({
      login: newLoginSchema,
      displayName: displayNameSchema,
      role: z.enum(roles),
      password: newPasswordSchema,
    }),
    output: z.object({ staff: staffSummarySchema, recoveryCodes: z.array(z.string()) }),
    permission: 'staff.manage',
    writes: true,
  }),
  'staff.deactivate': defineCall({
    input: staffRef,
    output: staffSummarySchema,
    permission: 'staff.manage',
    writes: true,
  }),
  'staff.resetPassword': defineCall({
    input: z.strictObject({ staffId: staffIdSchema, password: newPasswordSchema }),
    output: staffSummarySchema,
    permission: 'staff.manage',
    writes: true,
  }),
} as const;
