import type { z } from 'zod';
import {
  auditAnchorResponseSchema,
  auditPushResponseSchema,
  clinicAuditPageSchema,
  type AuditAnchorResponse,
  type AuditChainEvent,
  type AuditPushResponse,
  type ClinicAuditPage,
  type ClinicAuditQuery,
} from '../../shared/audit/audit-chain';
import { accessLogPageSchema, type AccessLogPage, type patientAccessQuerySchema } from '../../shared/rights/access-log';

/** The server's audit routes (server/audit/audit-routes.ts), as a desk reaches them. */
export interface AuditTransport {
  /** Sends the next events of this desk's chain, in order; answers the server's new head. */
  push(events: AuditChainEvent[]): Promise<AuditPushResponse>;
  /** The server's copy of this desk's chain: its head, and the hash at `seq` when asked. */
  anchor(seq?: number): Promise<AuditAnchorResponse>;
  /** The clinic's audit, every desk's events, filtered and paged. */
  query(query: ClinicAuditQuery): Promise<ClinicAuditPage>;
  /** One page of a patient's access log, clinic-wide and grouped (issue 14, F2). */
  patientAccess(query: z.input<typeof patientAccessQuerySchema>): Promise<AccessLogPage>;
}

/** A signed request to the server, answered with its parsed JSON (http-transport.ts makes one). */
export type SignedJsonRequest = <S extends z.ZodType>(
  schema: S,
  method: 'GET' | 'POST',
  pathWithQuery: string,
  body?: unknown,
) => Promise<z.output<S>>;

export function auditOverHttp(request: SignedJsonRequest): AuditTransport {
  return {
    push: (events) => request(auditPushResponseSchema, 'POST', '/v1/audit/push', { events }),
    anchor: (seq) =>
      request(auditAnchorResponseSchema, 'GET', seq === undefined ? '/v1/audit/anchor' : `/v1/audit/anchor?seq=${seq}`),
    query: (query) => request(clinicAuditPageSchema, 'POST', '/v1/audit/query', query),
    patientAccess: (query) => request(accessLogPageSchema, 'POST', '/v1/audit/patient-access', query),
  };
}
