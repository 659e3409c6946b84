import type { FastifyInstance } from 'fastify';
import {
  accessLogScopeSection,
  cabinetAccessLogPath,
  cabinetAccessLogQuerySchema,
  type CabinetAccessLog,
} from '../../../shared/cabinet/access-log-api';
import { parseInput } from '../../../shared/errors/zod-issues';
import { rightsActions } from '../../../shared/rights/access-actions';
import { accessLogPageLines } from '../../../shared/rights/access-log';
import { patientAccessPage } from '../../audit/patient-access';
import { HttpError } from '../../http/http-error';
import { accountRoute, routeLimits } from '../accounts/account-route-options';
import type { CabinetDeps } from '../cabinet-deps';
import { recordCabinetRead } from '../chart/chart-read-log';
import { representationOf } from '../identity/representation';
import { cabinetSessionOf, requirePatientStage } from '../session/cabinet-session';

/**
 * «Кто открывал мою карту» (issue 14, F2; shared/cabinet/access-log-api.ts): the clinic-wide
 * audit of the account's own card, or of a person it represents with the scope that grants it
 * (`representationOf`: proxies in force today). Every page read is audited in the cabinet's chain.
 */
export function registerAccessLogRoutes(app: FastifyInstance, deps: CabinetDeps): void {
  const { db } = deps;
  app.get(cabinetAccessLogPath, accountRoute(deps, routeLimits.read), async (request): Promise<CabinetAccessLog> => {
    const session = requirePatientStage(cabinetSessionOf(request));
    const query = parseInput(cabinetAccessLogQuerySchema, request.query ?? {});
    const { persons } = await representationOf(db, session, deps.now());
    const wanted = query.person ?? session.patientId;
    if (wanted === null) throw new HttpError(409, 'access_log.not_linked');
    const person = persons.find((item) => item.patientId === wanted);
    if (!person) throw new HttpError(404, 'access_log.person_not_found');
    if (!person.scope.includes(accessLogScopeSection)) throw new HttpError(403, 'access_log.out_of_scope');
    const page = await patientAccessPage(db, session.clinicId, {
      patientId: person.patientId,
      cursor: query.cursor,
      showOwn: query.own === '1',
      showListed: query.noise === '1',
      limit: accessLogPageLines,
    });
    await recordCabinetRead(
      db,
      {
        clinicId: session.clinicId,
        accountId: session.accountId,
        patientId: person.patientId,
        action: rightsActions.accessLogRead,
        details: { lines: page.lines.length, self: person.self, ...(query.cursor ? { cursor: query.cursor } : {}) },
      },
      deps.now(),
    );
    return { ...page, patientId: person.patientId };
  });
}
