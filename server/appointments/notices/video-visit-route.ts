import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { videoVisitPath } from '../../../shared/cabinet/appointments-api';
import { localDate, localTime } from '../../../shared/appointments/local-time';
import { clinicTimeZone } from '../../../shared/appointments/schedule';
import { formatRussianDate } from '../../../shared/domain/calendar-date';
import { AppError, toApiError } from '../../../shared/errors/app-error';
import { escapeHtml } from '../../notifications/html-text';
import { resolveVideoToken, videoOpensBeforeMin } from './video-link';

export interface VideoVisitDeps {
  db: Knex;
  now: () => Date;
  /** The clinic's video service: a room is `<videoBaseUrl>/<room>`. Unset: the visit cannot open (503). */
  videoBaseUrl?: string | undefined;
}

/** A refusal as the browser shows it (a page in Russian) or as a client reads it (JSON). */
function refuse(request: FastifyRequest, reply: FastifyReply, status: number, error: AppError) {
  const body = toApiError(error);
  void reply.code(status);
  if (!(request.headers.accept ?? '').includes('text/html')) return reply.send(body);
  const page = [
    '<!doctype html><html lang="ru"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Видеоприём</title></head>',
    `<body><main><h1>Видеоприём</h1><p>${escapeHtml(body.message.ru)}</p></main></body></html>`,
  ].join('');
  return reply.header('content-type', 'text/html; charset=utf-8').send(page);
}

/**
 * `GET /visit/:token` (E3): within the window, 302 to the visit's room; before it,
 * `appointments.video.not_yet` (403); after it, `appointments.video.expired` (410); an unknown,
 * cancelled or moved visit's link, `appointments.video.invalid` (404). The token is the key: the
 * route is not logged at info level (no URL with it in the log), and nothing is cached or referred.
 */
export function registerVideoVisitRoute(app: FastifyInstance, deps: VideoVisitDeps): void {
  app.get<{ Params: { token: string } }>(videoVisitPath, { logLevel: 'warn' }, async (request, reply) => {
    void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    const visit = await resolveVideoToken(deps.db, request.params.token, deps.now());
    switch (visit.kind) {
      case 'open': {
        if (!deps.videoBaseUrl) {
          request.log.warn('a video visit was asked for, but MEDCARD_VIDEO_BASE_URL is not set');
          return refuse(request, reply, 503, new AppError('server.unavailable'));
        }
        return reply.redirect(`${deps.videoBaseUrl.replace(/\/+$/, '')}/${visit.room}`, 302);
      }
      case 'not_yet': {
        const startsAt = `${formatRussianDate(localDate(visit.startsAt, clinicTimeZone))} ${localTime(visit.startsAt, clinicTimeZone)}`;
        const params = { minutes: videoOpensBeforeMin, startsAt };
        return refuse(request, reply, 403, new AppError('appointments.video.not_yet', { params }));
      }
      case 'expired':
        return refuse(request, reply, 410, new AppError('appointments.video.expired'));
      case 'invalid':
        return refuse(request, reply, 404, new AppError('appointments.video.invalid'));
    }
  });
}
