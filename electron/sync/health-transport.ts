import { z } from 'zod';
import {
  desksHealthResponseSchema,
  healthReportSchema,
  type DesksHealthResponse,
  type HealthReport,
} from '../../shared/health/report';
import type { SignedJsonRequest } from './audit-transport';

/** The server's desks' health routes (server/monitoring/device-health-routes.ts), as a desk reaches them. */
export interface HealthTransport {
  /** Sends this desk's report; the server keeps the latest. */
  send(report: HealthReport): Promise<void>;
  /** Every desk of the clinic, each with its latest report. */
  desks(): Promise<DesksHealthResponse>;
}

export function healthOverHttp(request: SignedJsonRequest): HealthTransport {
  return {
    send: async (report) => {
      await request(z.undefined(), 'POST', '/v1/devices/health', healthReportSchema.parse(report));
    },
    desks: () => request(desksHealthResponseSchema, 'GET', '/v1/devices/health'),
  };
}

/**
 * After a cycle: this desk's report to the server (G5), best effort — a report that does not get
 * through is not a failed sync; the next cycle sends a fresh one. `report` makes it (services/health);
 * a transport without the health routes (a test's) sends nothing.
 */
export async function sendHealthReport(
  health: HealthTransport | undefined,
  report: () => Promise<HealthReport>,
): Promise<boolean> {
  if (!health) return false;
  try {
    await health.send(await report());
    return true;
  } catch {
    return false;
  }
}
