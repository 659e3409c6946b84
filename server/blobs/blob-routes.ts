import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Knex } from 'knex';
import { z } from 'zod';
import { blobChunkMaxBytes, type BlobStatus } from '../../shared/sync/protocol';
import { deviceOf } from '../auth/device-auth';
import { HttpError } from '../http/http-error';
import { parseOr400 } from '../http/parse';
import { appendChunk, blobStatus, readChunks } from './blob-store';
import type { UploadLimits } from './upload-limits';

const paramsSchema = z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const putQuerySchema = z.strictObject({
  offset: z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number),
  complete: z.enum(['0', '1']).optional(),
});

export interface BlobDeps {
  db: Knex;
  key: Buffer;
  now: () => Date;
  maxBytes: number;
  /** Unfinished uploads per device: how many, how many bytes, and when they expire. */
  uploads: UploadLimits;
}

function statusHeaders(reply: FastifyReply, status: BlobStatus): void {
  void reply.header('upload-offset', String(status.received)).header('upload-complete', status.complete ? '1' : '0');
}

export function registerBlobRoutes(app: FastifyInstance, deps: BlobDeps): void {
  app.put('/blobs/:sha256', { bodyLimit: blobChunkMaxBytes }, async (request, reply) => {
    const device = deviceOf(request);
    const { sha256 } = parseOr400(paramsSchema, request.params);
    const query = parseOr400(putQuerySchema, request.query);
    const bytes = request.rawBody ?? Buffer.alloc(0);
    if (bytes.length > 0 && !String(request.headers['content-type']).startsWith('application/octet-stream')) {
      throw new HttpError(415, 'api.bad_request', { field: 'content-type' });
    }
    const status = await appendChunk(
      deps.db,
      deps.key,
      {
        clinicId: device.clinicId,
        deviceId: device.id,
        sha256,
        offset: query.offset,
        bytes,
        complete: query.complete === '1',
        now: deps.now(),
      },
      deps.maxBytes,
      deps.uploads,
    );
    statusHeaders(reply, status);
    return status;
  });

  app.head('/blobs/:sha256', async (request, reply) => {
    const { sha256 } = parseOr400(paramsSchema, request.params);
    const status = await blobStatus(deps.db, { clinicId: deviceOf(request).clinicId, sha256 });
    if (!status) return reply.code(404).header('upload-offset', '0').header('upload-complete', '0').send();
    statusHeaders(reply, status);
    if (status.complete) void reply.header('content-length', String(status.received));
    return reply.code(200).send();
  });

  app.get('/blobs/:sha256', async (request, reply) => {
    const { sha256 } = parseOr400(paramsSchema, request.params);
    const blob = { clinicId: deviceOf(request).clinicId, sha256 };
    const status = await blobStatus(deps.db, blob);
    if (!status) throw new HttpError(404, 'sync.blob.not_found');
    if (!status.complete) {
      throw new HttpError(409, 'sync.blob.incomplete', { headers: { 'upload-offset': String(status.received) } });
    }
    const size = status.received;
    const range = parseRange(request.headers.range, size);
    void reply
      .header('content-type', 'application/octet-stream')
      .header('accept-ranges', 'bytes')
      .header('etag', `"${sha256}"`)
      // Patients' documents: no shared cache may keep a copy.
      .header('cache-control', 'no-store');
    if (range === 'unsatisfiable') {
      throw new HttpError(416, 'sync.blob.range', { headers: { 'content-range': `bytes */${size}` } });
    }
    const [first, last] = range ?? [0, size - 1];
    if (range) void reply.code(206).header('content-range', `bytes ${first}-${last}/${size}`);
    void reply.header('content-length', String(Math.max(0, last - first + 1)));
    return reply.send(Readable.from(readChunks(deps.db, deps.key, blob, first, last)));
  });
}

/** One `bytes=` range (first-last, first-, or -suffix); several ranges are served whole. */
function parseRange(header: string | undefined, size: number): [number, number] | 'unsatisfiable' | undefined {
  if (header === undefined) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return 'unsatisfiable';
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return [Math.max(0, size - suffix), size - 1];
  }
  const first = Number(from);
  const last = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (first >= size || last < first) return 'unsatisfiable';
  return [first, last];
}
