import { z } from 'zod';
import { patientDraftSchema, patientIdSchema, patientSchema, patientSummarySchema } from '../domain/patient';
import { auditCalls } from './audit-calls';
import { authCalls } from './auth-calls';
import { consentCalls } from './consent-calls';
import { defineCall } from './define-call';
import { dictionaryCalls } from './dictionary-calls';
import { documentCalls } from './document-calls';
import { keyCalls } from './key-calls';
import { duplicateCalls } from './duplicate-calls';
import { scanCalls } from './scan-calls';
import { staffCalls } from './staff-calls';
import { syncConflictSchema, syncStatusSchema } from './sync-status';
import { verificationCalls } from './verification-calls';

/**
 * Every call the renderer can make, declared once (ARCHITECTURE rule 2). The preload and the
 * browser host expose exactly these; the dispatcher validates input and permission before any
 * service runs.
 */
export const contract = {
  ...authCalls,
  ...staffCalls,
  ...auditCalls,
  ...consentCalls,
  ...keyCalls,
  ...duplicateCalls,
  ...scanCalls,
  ...dictionaryCalls,
  ...documentCalls,
  ...verificationCalls,
  'patients.create': defineCall({
    input: patientDraftSchema,
    output: patientSchema,
    permission: 'patients.write',
    writes: true,
  }),
  'patients.search': defineCall({
    input: z.strictObject({
      query: z.string().max(200),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    output: z.object({ items: z.array(patientSummarySchema), more: z.boolean() }),
    permission: 'patients.read',
  }),
  'patients.get': defineCall({
    input: z.strictObject({ id: patientIdSchema }),
    output: patientSchema,
    permission: 'patients.read',
  }),
  'patients.accessLog': defineCall({
    input: z.strictObject({ id: patientIdSchema, limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({
      items: z.array(
        z.object({
          at: z.string(),
          action: z.string(),
          actorName: z.string(),
          actorRole: z.string(),
          deviceName: z.string(),
        }),
      ),
    }),
    permission: 'patients.read',
  }),
  'sync.status': defineCall({
    input: z.strictObject({}),
    output: syncStatusSchema,
    permission: 'session.read',
    passive: true,
  }),
  'sync.conflicts': defineCall({
    input: z.strictObject({}),
    output: z.object({ items: z.array(syncConflictSchema) }),
    permission: 'patients.read',
  }),
  'sync.resolveConflict': defineCall({
    input: z.strictObject({ id: z.uuid(), keep: z.enum(['server', 'device']) }),
    output: z.object({ resolved: z.boolean() }),
    permission: 'patients.write',
    writes: true,
  }),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(contract, name);
}
