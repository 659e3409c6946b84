import type { FastifyInstance } from 'fastify';
import {
  appealApplicationSchema,
  cabinetPaths,
  supplyApplicationSchema,
  type ApplicationView,
  type CodeSent,
} from '../../../shared/cabinet/cabinet-api';
import { parseInput } from '../../../shared/errors/zod-issues';
import { HttpError } from '../../http/http-error';
import { enqueueNotification } from '../../notifications/enqueue';
import { accountRoute, routeLimits } from '../accounts/account-route-options';
import { maskPhone } from '../accounts/contact-mask';
import { issueCode } from '../accounts/one-time-codes';
import type { CabinetDeps } from '../cabinet-deps';
import { cabinetSessionOf } from '../session/cabinet-session';
import { applicationsOfAccount, eventsOf } from './application-rows';
import { installApplicationRuntime } from './application-runtime';
import { applicationView } from './application-view';
import { appealApplication, supplyApplication } from './patient-actions';
import { accountOf, checkMayApply, submitApplication } from './submit-application';

/** How long the signature code is good, and how soon another may be asked. */
const signatureCodeTtlMs = 10 * 60 * 1000;
const resendAfterSeconds = 60;

const idParams = (params: unknown): string => {
  const id = (params as { id?: unknown }).id;
  if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw new HttpError(404, 'application.not_found');
  return id.toLowerCase();
};

/**
 * The cabinet's applications (C1–C4): the simple e-signature's code, the submission, the list
 * with each journal, the supply of a denied one and its appeal. An applicant (registered, not yet
 * activated) may do all of these: applying is what the applicant stage is for.
 */
export function registerApplicationRoutes(scope: FastifyInstance, deps: CabinetDeps): void {
  const runtime = installApplicationRuntime(deps, scope.log);
  const { db } = deps;

  scope.post(
    cabinetPaths.applicationSignatureSend,
    accountRoute(deps, routeLimits.send),
    async (request): Promise<CodeSent> => {
      const session = cabinetSessionOf(request);
      const account = await accountOf(db, session);
      await checkMayApply(db, account);
      const now = deps.now();
      await db.transaction(async (trx) => {
        const code = await issueCode(trx, {
          accountId: account.id,
          purpose: 'signature',
          channel: 'sms',
          ttlMs: signatureCodeTtlMs,
          now,
        });
        await enqueueNotification(
          trx,
          {
            clinicId: account.clinic_id,
            accountId: account.id,
            channel: 'sms',
            to: account.phone,
            template: 'signature_code',
            params: { code },
          },
          now,
        );
      });
      return { sentTo: maskPhone(account.phone), resendAfterSeconds };
    },
  );

  scope.post(cabinetPaths.applications, accountRoute(deps, routeLimits.check), async (request, reply) => {
    const session = cabinetSessionOf(request);
    const view = await submitApplication(db, runtime, session, request.body, deps.now());
    return reply.code(201).send(view);
  });

  scope.get(
    cabinetPaths.applications,
    accountRoute(deps, routeLimits.read),
    async (request): Promise<ApplicationView[]> => {
      const session = cabinetSessionOf(request);
      const rows = await applicationsOfAccount(db, session.clinicId, session.accountId);
      const events = await eventsOf(
        db,
        session.clinicId,
        rows.map((row) => row.id),
      );
      return rows.map((row) => applicationView(row, events));
    },
  );

  scope.post(
    cabinetPaths.applicationSupply,
    accountRoute(deps, routeLimits.check),
    async (request): Promise<ApplicationView> => {
      const session = cabinetSessionOf(request);
      const id = idParams(request.params);
      const body = parseInput(supplyApplicationSchema, request.body ?? {});
      return supplyApplication(db, runtime, session, id, body, deps.now());
    },
  );

  scope.post(
    cabinetPaths.applicationAppeal,
    accountRoute(deps, routeLimits.check),
    async (request): Promise<ApplicationView> => {
      const session = cabinetSessionOf(request);
      const id = idParams(request.params);
      const body = parseInput(appealApplicationSchema, request.body);
      return appealApplication(db, session, id, body.text, deps.now());
    },
  );
}
