import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, toApiError, type ApiError } from '../../shared/errors/app-error';
import { HttpError } from './http-error';

/**
 * Every refusal leaves as `{ code, message: { ru, en }, field? }`. Internal failures get an
 * incident id that is also logged, so support can match them without the reply carrying data.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((_request, reply) => {
    void reply.code(404).send(toApiError(new AppError('server.not_found')));
  });

  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof HttpError) {
      for (const [name, value] of Object.entries(error.headers)) void reply.header(name, value);
      return reply.code(error.status).send(toApiError(error));
    }
    if (error instanceof AppError) return reply.code(400).send(toApiError(error));
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status === 413) {
      const max = request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 0;
      return reply.code(413).send(toApiError(new AppError('server.too_large', { params: { max } })));
    }
    if (status === 429) {
      // @fastify/rate-limit has already set retry-after.
      const after = String(reply.getHeader('retry-after') ?? '60');
      return reply.code(429).send(toApiError(new AppError('server.rate_limited', { params: { after: `${after} s` } })));
    }
    if (status >= 400 && status < 500) {
      // Fastify's own refusals: malformed JSON, wrong content type, empty body…
      return reply.code(status === 415 ? 415 : 400).send(toApiError(new AppError('api.bad_request')));
    }
    const incident = randomUUID();
    // The error only: never the request body.
    request.log.error({ err: error, incident }, 'request failed');
    const body: ApiError = { ...toApiError(new AppError('api.internal')), incident };
    return reply.code(500).send(body);
  });
}
