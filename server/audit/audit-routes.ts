import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { z } from 'zod';
import { auditPushRequestSchema, clinicAuditQuerySchema } from '../../shared/audit/audit-chain';
import { deviceOf } from '../auth/device-auth';
import { parseOr400 } from '../http/parse';
import { appendChain, chainAnchor, type ChainOwner } from './audit-chain-store';
import { clinicAudit } from './clinic-audit';
import { patientAccessPage } from './patient-access';
import { patientAccessQuerySchema } from '../../shared/rights/access-log';

export interface AuditRouteDeps {
  db: Knex;
  now: () => Date;
}

const anchorQuerySchema = z.strictObject({
  seq: z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number)
    .optional(),
});

/** The signed device and the clinic it belongs to: a chain and every read are scoped by it. */
async function ownerOf(db: Knex, request: FastifyRequest): Promise<ChainOwner> {
  const device = deviceOf(request);
  const row = await db('devices').where({ id: device.id }).first<{ clinic_id: string }>('clinic_id');
  if (!row) throw new Error(`Device ${device.id} vanished while its request was served`);
  return { deviceId: device.id, clinicId: row.clinic_id };
}

/**
 * The audit anchored off the desk (issue 10, item 3), inside the device-signed /v1 scope: a desk
 * pushes its chain and asks for the server's copy of it (to check its own); an auditor's desk
 * reads the clinic's audit. There is no route that changes or removes an event.
 */
export function registerAuditRoutes(app: FastifyInstance, deps: AuditRouteDeps): void {
  app.post('/audit/push', async (request) => {
    const { events } = parseOr400(auditPushRequestSchema, request.body);
    return appendChain(deps.db, await ownerOf(deps.db, request), events, deps.now());
  });

  app.get('/audit/anchor', async (request) => {
    const query = parseOr400(anchorQuerySchema, request.query);
    return chainAnchor(deps.db, deviceOf(request).id, query.seq);
  });

  app.post('/audit/query', async (request) => {
    const query = parseOr400(clinicAuditQuerySchema, request.body);
    return clinicAudit(deps.db, (await ownerOf(deps.db, request)).clinicId, query);
  });

  // «Журнал доступа» of one patient's card (issue 14, F2): the asking desk's clinic only.
  app.post('/audit/patient-access', async (request) => {
    const query = parseOr400(patientAccessQuerySchema, request.body);
    return patientAccessPage(deps.db, (await ownerOf(deps.db, request)).clinicId, query);
  });
}
