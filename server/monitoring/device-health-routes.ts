import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { healthReportSchema, type DeskHealth, type DesksHealthResponse } from '../../shared/health/report';
import { deviceOf } from '../auth/device-auth';
import { parseOr400 } from '../http/parse';
import { latestDeskReports } from './desk-reports';
import type { ServerMetrics } from './server-metrics';

export interface DeviceHealthDeps {
  db: Knex;
  now: () => Date;
  metrics: ServerMetrics;
}

/**
 * Desks' health (issue 15, G5), device-signed like every /v1 route: a desk sends its report after
 * each sync cycle (the latest replaces the one before), and a desk of the clinic reads every
 * desk's latest — its own clinic's only, whatever it asks (the clinic is the signing device's).
 */
export function registerDeviceHealthRoutes(app: FastifyInstance, deps: DeviceHealthDeps): void {
  const { db } = deps;

  app.post('/devices/health', async (request, reply) => {
    const device = deviceOf(request);
    const report = parseOr400(healthReportSchema, request.body);
    await db('device_health')
      .insert({
        device_id: device.id,
        clinic_id: device.clinicId,
        received_at: deps.now(),
        report: JSON.stringify(report),
      })
      .onConflict('device_id')
      .merge(['received_at', 'report']);
    deps.metrics.healthReports.inc();
    return reply.code(204).send();
  });

  app.get('/devices/health', async (request): Promise<DesksHealthResponse> => {
    const { clinicId } = deviceOf(request);
    const desks: DeskHealth[] = (await latestDeskReports(db, clinicId)).map(({ clinicId: _clinic, ...desk }) => desk);
    return { desks };
  });
}
