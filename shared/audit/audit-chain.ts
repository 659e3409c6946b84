import { z } from 'zod';
import { canonicalJson } from '../canonical-json';

/**
 * One desk's audit chain as it travels to the server (issue 10, item 3): each event names the
 * hash of the one before it, and its own hash is SHA-256 over `prevHash` followed by
 * `auditHashedText(event)`. Both the desk (electron/store/audit-log.ts) and the server
 * (server/audit/) hash exactly this text, so the server recomputes what the desk wrote.
 */
export const auditGenesisHash = '0'.repeat(64);

const hash = z.string().regex(/^[0-9a-f]{64}$/);

export const auditChainEventSchema = z.strictObject({
  seq: z.number().int().min(1),
  id: z.string().min(1).max(64),
  at: z.string().min(1).max(40),
  actorId: z.string().min(1).max(64),
  actorRole: z.string().min(1).max(32),
  deviceId: z.string().min(1).max(64),
  action: z.string().min(1).max(100),
  patientId: z.string().min(1).max(64).nullable(),
  details: z.record(z.string(), z.unknown()),
  prevHash: hash,
  hash,
});
export type AuditChainEvent = z.infer<typeof auditChainEventSchema>;

/** At most this many events per push; a desk with more sends several batches, in order. */
export const auditPushBatch = 500;

export const auditPushRequestSchema = z.strictObject({
  events: z.array(auditChainEventSchema).min(1).max(auditPushBatch),
});

/** A point of a desk's chain: its number and hash. */
export const auditChainPointSchema = z.object({ seq: z.number().int().min(1), hash });
export type AuditChainPoint = z.infer<typeof auditChainPointSchema>;

/** The server's copy of the asking desk's chain: its head, and the hash at the seq asked for. */
export const auditAnchorResponseSchema = z.object({
  head: auditChainPointSchema.nullable(),
  at: auditChainPointSchema.nullable(),
});
export type AuditAnchorResponse = z.infer<typeof auditAnchorResponseSchema>;

export const auditPushResponseSchema = z.object({ head: auditChainPointSchema, stored: z.number().int().min(0) });
export type AuditPushResponse = z.infer<typeof auditPushResponseSchema>;

/** The text each hash covers after the previous hash: the event's fields in canonical JSON. */
export function auditHashedText(event: Omit<AuditChainEvent, 'prevHash' | 'hash'>): string {
  return canonicalJson({
    seq: event.seq,
    id: event.id,
    at: event.at,
    actorId: event.actorId,
    actorRole: event.actorRole,
    deviceId: event.deviceId,
    action: event.action,
    patientId: event.patientId,
    details: event.details,
  });
}

/** The clinic-wide audit query (the auditor's screen, later the patient's "who opened my card"). */
export const clinicAuditQuerySchema = z.strictObject({
  patientId: z.string().min(1).max(64).optional(),
  /** A staff id, or part of a person's name. */
  actor: z.string().min(1).max(100).optional(),
  /** A device id, or part of a desk's name. */
  device: z.string().min(1).max(100).optional(),
  /** An action, or its beginning (`auth.alert.`). */
  action: z.string().min(1).max(100).optional(),
  /** Any of these actions or beginnings (a view of the log: sign-in attempts and unlocks). */
  actions: z.array(z.string().min(1).max(100)).min(1).max(5).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** Older than this position (the `cursor` of the last event shown), for the next page. */
  before: z.number().int().min(1).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ClinicAuditQuery = z.input<typeof clinicAuditQuerySchema>;

export const clinicAuditEventSchema = z.object({
  cursor: z.number().int(),
  deviceId: z.string(),
  deviceName: z.string(),
  seq: z.number().int(),
  at: z.string(),
  action: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  patientId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type ClinicAuditEvent = z.infer<typeof clinicAuditEventSchema>;

export const clinicAuditPageSchema = z.object({ items: z.array(clinicAuditEventSchema), more: z.boolean() });
export type ClinicAuditPage = z.infer<typeof clinicAuditPageSchema>;
