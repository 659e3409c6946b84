import type { FastifyInstance } from 'fastify';
import { cabinetApiPrefix } from '../../shared/cabinet/cabinet-api';
import { startNotificationWorker } from '../notifications/worker';
import { startReminderSweep } from '../appointments/notices/reminders';
import { registerVideoVisitRoute } from '../appointments/notices/video-visit-route';
import { registerAccessLogRoutes } from './access-log/access-log-routes';
import { registerAccountRoutes } from './accounts/account-routes';
import { registerRecordRequestRoutes } from './record-requests/record-request-routes';
import { startRecordRequestSweep } from './record-requests/escalation-sweep';
import { registerApplicationRoutes } from './applications/application-routes';
import { registerAppointmentRoutes } from './appointments/appointment-routes';
import { startDeadlineSweeper } from './applications/deadline-sweeper';
import type { CabinetDeps } from './cabinet-deps';
import { registerChartRoutes } from './chart/chart-routes';
import { registerShareRoutes } from './chart/share-routes';
import { registerIdentityRoutes } from './identity/identity-routes';
import { registerPortalPages } from './portal-pages';
import { installCabinetSessions } from './session/cabinet-session';
import { registerUploadRoutes } from './uploads/upload-routes';

export interface CabinetOptions extends CabinetDeps {
  /** The cabinet's built pages (dist/portal); not served when absent (the API still is). */
  pagesRoot?: string;
  /** Runs the notification worker and the deadline sweeper in this process (default true). */
  background?: boolean;
}

/**
 * The patient cabinet (issue 11): its API under /api/cabinet (the session hook first, then each
 * part's routes), its pages at /, and its background work — the notification outbox's sender and
 * the deadline sweeper. Every part takes the same deps; none knows the others but through the
 * database and shared/.
 */
export async function registerCabinet(app: FastifyInstance, options: CabinetOptions): Promise<void> {
  await app.register(
    async (scope) => {
      installCabinetSessions(scope, options);
      registerAccountRoutes(scope, options);
      registerIdentityRoutes(scope, options);
      registerUploadRoutes(scope, options);
      registerApplicationRoutes(scope, options);
      registerChartRoutes(scope, options);
      registerShareRoutes(scope, options);
      registerAppointmentRoutes(scope, options);
      registerAccessLogRoutes(scope, options);
      registerRecordRequestRoutes(scope, options);
    },
    { prefix: cabinetApiPrefix },
  );
  registerVideoVisitRoute(app, options);
  if (options.pagesRoot !== undefined) await registerPortalPages(app, { root: options.pagesRoot });
  if (options.background === false) return;
  const worker = startNotificationWorker(options, app.log);
  const sweeper = startDeadlineSweeper(options, app.log);
  const reminders = startReminderSweep(options, app.log);
  const recordRequests = startRecordRequestSweep(options, app.log);
  app.addHook('onClose', async () => {
    await Promise.all([worker.stop(), sweeper.stop(), reminders.stop(), recordRequests.stop()]);
  });
}
