import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { contentSecurityPolicy, pageFileTypes } from '../../shared/web/page-policy';

/** Paths that are never a page: the APIs answer their own unknown paths with a JSON 404. */
const notPages = /^\/(api|v1)(\/|$)|^\/health$/;
/** Vite's output names: `name-<hash>.ext` under assets/, never changed in place, so cached for a year. */
const hashedAsset = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

interface PageFile {
  body: Buffer;
  type: string;
}

/** A file of the build, or null when the path leaves the folder, names no file, or a kind not served. */
async function readPageFile(root: string, urlPath: string): Promise<PageFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = normalize(root + sep);
  const path = normalize(join(base, decoded.replace(/^\/+/, '')));
  if (!path.startsWith(base)) return null;
  const type = pageFileTypes[extname(path).toLowerCase()];
  if (!type) return null;
  try {
    if (!(await stat(path)).isFile()) return null;
    return { body: await readFile(path), type };
  } catch {
    return null;
  }
}

function send(reply: FastifyReply, file: PageFile, cacheControl: string) {
  return reply
    .header('content-type', file.type)
    .header('cache-control', cacheControl)
    .header('content-security-policy', contentSecurityPolicy)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .send(file.body);
}

/**
 * Serves the cabinet's built pages (dist/portal) at /: each file with its content type, hashed
 * assets cached as immutable, and index.html (never cached) for any other GET that is not an API
 * path — the page's router then shows the screen (`/confirm-email#token=…`, `/cabinet/settings`).
 * The pages' CSP allows only their own scripts (shared/web/page-policy.ts, as the desk's).
 */
export async function registerPortalPages(app: FastifyInstance, options: { root: string }): Promise<void> {
  const indexPath = join(options.root, 'index.html');
  app.get('/*', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (notPages.test(path)) return reply.callNotFound();
    if (path !== '/' && extname(path) !== '') {
      const file = await readPageFile(options.root, path);
      if (!file) return reply.callNotFound();
      return send(reply, file, hashedAsset.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    }
    const index = await readPageFile(options.root, '/index.html');
    if (!index) {
      request.log.error({ indexPath }, 'the cabinet pages are not built (npm run build:portal)');
      return reply.callNotFound();
    }
    return send(reply, index, 'no-cache');
  });
}
