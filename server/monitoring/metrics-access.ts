import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { FastifyRequest } from 'fastify';

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The metrics token from its file (MEDCARD_METRICS_TOKEN_FILE): refused unless only its owner may
 * read it (mode 0600 or stricter) and it holds at least 32 characters. The token never travels
 * on a command line nor into a log.
 */
export function readMetricsToken(path: string): string {
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(`The metrics token file ${path} may be read by others (mode ${mode.toString(8)}): chmod 600 it`);
  }
  const token = readFileSync(path, 'utf8').trim();
  if (token.length < 32) throw new Error(`The metrics token in ${path} is shorter than 32 characters`);
  return token;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Who may scrape: with a token, whoever sends it as a bearer (compared in constant time, over the
 * digests so the length leaks nothing); without one, only a client on this machine that did not
 * come through a proxy (a forwarded request from a local reverse proxy is someone else's).
 */
export function mayScrape(request: FastifyRequest, token: string | undefined): boolean {
  if (token !== undefined) {
    const header = request.headers.authorization;
    if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
    return timingSafeEqual(digest(header.slice('Bearer '.length)), digest(token));
  }
  if (request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined) return false;
  return loopback.has(request.socket.remoteAddress ?? '');
}
