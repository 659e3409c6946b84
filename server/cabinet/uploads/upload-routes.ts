import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { createScanAnalyser } from '../../../scan-checks/scan-analyser';
import { detectScanFormat } from '../../../scan-checks/scan-format';
import { cabinetPaths, uploadScanQuerySchema } from '../../../shared/cabinet/cabinet-api';
import { toApiError } from '../../../shared/errors/app-error';
import { scanLimits, scanMimes, type ScanMime } from '../../../shared/scans/scan-checklist';
import { HttpError } from '../../http/http-error';
import type { CabinetDeps } from '../cabinet-deps';
import { patientExists } from '../../portal/online-identity-row';
import { cabinetSessionOf } from '../session/cabinet-session';
import { assertUnderDailyLimit, keepCabinetScan } from './keep-cabinet-scan';
import { readScanBody } from './scan-body';

/** Uploads an account may start per minute: a few retakes, never a flood of files to decode. */
const uploadsPerMinute = 10;

/** The card a write may upload for: the session's linked card; 409 cabinet.scan.no_card without one. */
async function cardOf(request: FastifyRequest, deps: CabinetDeps): Promise<{ clinicId: string; patientId: string }> {
  const session = cabinetSessionOf(request);
  const patientId = session.patientId;
  if (patientId === null || !(await patientExists(deps.db, patientId, session.clinicId))) {
    throw new HttpError(409, 'cabinet.scan.no_card');
  }
  return { clinicId: session.clinicId, patientId };
}

function declaredMime(request: FastifyRequest): ScanMime | undefined {
  const declared = String(request.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  return scanMimes.find((mime) => mime === declared);
}

const formatNames: Record<ScanMime, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'application/pdf': 'PDF' };

/**
 * `POST /api/cabinet/scans` (issue 11, item 3): a document the patient uploads, the file itself as
 * the body (image/jpeg, image/png or application/pdf), weighed by the same checks as a scan at the
 * desk and kept for the clinic's desks (keep-cabinet-scan.ts). Who may upload — a session whose
 * account is linked to a card, under its day's limit — is settled before a byte of the body is
 * read, and the body is never held past the size limit (scan-body.ts).
 */
export function registerUploadRoutes(scope: FastifyInstance, deps: CabinetDeps): void {
  // One warm worker thread per server decodes the uploads, away from the event loop.
  const analyser = createScanAnalyser();
  scope.addHook('onClose', () => analyser.close());

  void scope.register(async (uploads) => {
    // Every body of this route, whatever it claims to be, is read by the capped reader; its type is
    // judged afterwards, by the content.
    uploads.removeAllContentTypeParsers();
    uploads.addContentTypeParser('*', async (request: FastifyRequest, payload: IncomingMessage) =>
      readScanBody(payload, request.headers['content-length'], scanLimits.maxBytes),
    );
    uploads.addHook('onRequest', async (request) => {
      if (request.method !== 'POST') return;
      const card = await cardOf(request, deps);
      if (!declaredMime(request)) throw new HttpError(415, 'scan.format.unsupported', { field: 'content-type' });
      await assertUnderDailyLimit(deps.db, card, deps.now());
      analyser.warm();
    });

    const limited: RouteShorthandOptions = deps.rateLimit
      ? {
          config: {
            rateLimit: {
              max: uploadsPerMinute,
              timeWindow: 60_000,
              // After the session hook, so the limit is the account's; before the body is read.
              hook: 'preParsing',
              keyGenerator: (request: FastifyRequest) => request.cabinetSession?.accountId ?? request.ip,
            },
          },
        }
      : {};

    uploads.post(cabinetPaths.scans, limited, async (request, reply) => {
      const query = uploadScanQuerySchema.safeParse(request.query);
      if (!query.success) {
        const purpose = String((request.query as Record<string, unknown> | undefined)?.purpose ?? '').slice(0, 40);
        throw new HttpError(400, 'cabinet.scan.purpose', { field: 'purpose', params: { purpose } });
      }
      const card = await cardOf(request, deps);
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const declared = declaredMime(request);
      if (!declared) throw new HttpError(415, 'scan.format.unsupported', { field: 'content-type' });
      const actual = detectScanFormat(bytes);
      if (actual && actual !== declared) {
        throw new HttpError(415, 'cabinet.scan.type_mismatch', {
          field: 'content-type',
          params: { declared: formatNames[declared], actual: formatNames[actual] },
        });
      }
      const outcome = await keepCabinetScan(
        { db: deps.db, blobKey: deps.masterKey, analyser, now: deps.now() },
        { ...card, purpose: query.data.purpose, bytes },
      );
      if (!outcome.kept) {
        const status = outcome.refusal.code === 'scan.size.too_large' ? 413 : 422;
        return reply.code(status).send(toApiError(outcome.refusal));
      }
      return reply.code(201).send(outcome.scan);
    });
  });
}
