import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  cabinetRecordRequestPaths,
  type CabinetRecordRequestDetail,
  type RecordRequestCodeSent,
} from '../../../shared/cabinet/record-requests-api';
import { rightsActions } from '../../../shared/rights/access-actions';
import { readChunks } from '../../blobs/blob-store';
import { HttpError } from '../../http/http-error';
import { accountRoute, routeLimits } from '../accounts/account-route-options';
import type { CabinetDeps } from '../cabinet-deps';
import { recordCabinetRead } from '../chart/chart-read-log';
import { cabinetSessionOf, requirePatientStage } from '../session/cabinet-session';
import { cabinetRequest, cabinetRequests, downloadableFile } from './request-reads';
import { confirmRequest, sendRequestCode } from './submit-request';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function idOf(params: unknown, key: 'id' | 'fileId', notFound: 'records.request.not_found' | 'records.file.not_found') {
  const id = (params as Record<string, unknown>)[key];
  if (typeof id !== 'string' || !uuid.test(id)) throw new HttpError(404, notFound);
  return id.toLowerCase();
}

/** `attachment` with the file's name: an ASCII fallback and the exact name (RFC 6266 / 5987). */
function disposition(name: string): string {
  const fallback = name.replace(/[^\w.-]+/g, '_') || 'file';
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * A patient's requests for their records (issue 14, F3; shared/cabinet/record-requests-api.ts):
 * ask (the draft → a code; the draft with the code → the request), follow the list and one
 * request, download its files while they are available. `patient` stage only; CSRF on writes
 * (the cabinet's session hook); the account's own requests only. The submission and every
 * download are events of the clinic's cabinet audit chain (chart-read-log.ts).
 */
export function registerRecordRequestRoutes(scope: FastifyInstance, deps: CabinetDeps): void {
  const { db } = deps;
  const submitDeps = { db, blobKey: deps.masterKey, log: scope.log };
  const session = (request: FastifyRequest) => requirePatientStage(cabinetSessionOf(request));

  scope.post(
    cabinetRecordRequestPaths.draft,
    accountRoute(deps, routeLimits.send),
    async (request): Promise<RecordRequestCodeSent> =>
      sendRequestCode(db, session(request), request.body ?? {}, deps.now()),
  );

  scope.post(cabinetRecordRequestPaths.list, accountRoute(deps, routeLimits.check), async (request, reply) => {
    const detail = await confirmRequest(submitDeps, session(request), request.body ?? {}, deps.now());
    return reply.code(201).send(detail);
  });

  scope.get(cabinetRecordRequestPaths.list, accountRoute(deps, routeLimits.read), async (request) => ({
    items: await cabinetRequests(db, session(request), deps.now()),
  }));

  scope.get(
    cabinetRecordRequestPaths.one,
    accountRoute(deps, routeLimits.read),
    async (request): Promise<CabinetRecordRequestDetail> =>
      cabinetRequest(db, session(request), idOf(request.params, 'id', 'records.request.not_found'), deps.now()),
  );

  scope.get(cabinetRecordRequestPaths.file, accountRoute(deps, routeLimits.read), async (request, reply) => {
    const current = session(request);
    const requestId = idOf(request.params, 'id', 'records.file.not_found');
    const fileId = idOf(request.params, 'fileId', 'records.file.not_found');
    const now = deps.now();
    const file = await downloadableFile(db, current, requestId, fileId, now);
    await recordCabinetRead(
      db,
      {
        clinicId: current.clinicId,
        accountId: current.accountId,
        patientId: file.patientId,
        action: rightsActions.requestDownloaded,
        details: { requestId, fileId, format: file.format, sha256: file.sha256, size: file.size },
      },
      now,
    );
    return reply
      .header('content-type', file.mime)
      .header('content-length', String(file.size))
      .header('content-disposition', disposition(file.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(
        Readable.from(
          readChunks(db, deps.masterKey, { clinicId: current.clinicId, sha256: file.sha256 }, 0, file.size - 1),
        ),
      );
  });
}
