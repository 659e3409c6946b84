import helmet from '@fastify/helmet';
import fastify, { type FastifyInstance } from 'fastify';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPortalPages } from '../../../server/cabinet/portal-pages';

// The cabinet's pages as a browser gets them: the files of a build with their types and caching,
// index.html for the router's paths, a strict CSP, and nothing outside the build's folder.
let root: string;
let app: FastifyInstance;
const index =
  '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/index-AbCd1234.js"></script></body></html>';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'portal-pages-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), index);
  await writeFile(join(root, 'assets', 'index-AbCd1234.js'), 'console.log(1)');
  await writeFile(
    join(root, 'assets', 'roboto-latin-400-normal-BqEyEoaF.woff2'),
    Buffer.from([0x77, 0x4f, 0x46, 0x32]),
  );
  await writeFile(join(root, 'notes.md'), '# not served');
  await writeFile(join(tmpdir(), 'portal-pages-outside.js'), 'OUTSIDE-THE-BUILD');
  app = fastify();
  await app.register(helmet, { global: true });
  app.get('/api/cabinet/me', async () => ({ ok: true }));
  await registerPortalPages(app, { root });
});

afterAll(async () => {
  await app.close();
  await rm(root, { recursive: true, force: true });
  await rm(join(tmpdir(), 'portal-pages-outside.js'), { force: true });
});

describe('registerPortalPages', () => {
  it('serves index.html for the root and for the router paths, uncached, with a CSP of its own scripts only', async () => {
    for (const url of ['/', '/confirm-email', '/cabinet/settings?x=1']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toBe(index);
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });

  it('serves hashed assets with their content type, cached as immutable', async () => {
    const script = await app.inject({ method: 'GET', url: '/assets/index-AbCd1234.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const font = await app.inject({ method: 'GET', url: '/assets/roboto-latin-400-normal-BqEyEoaF.woff2' });
    expect(font.headers['content-type']).toBe('font/woff2');
  });

  it('answers 404 for a missing file, a kind it does not serve, a path out of the folder, and an unknown API path', async () => {
    for (const url of [
      '/assets/missing-AbCd1234.js',
      '/notes.md',
      '/..%2fportal-pages-outside.js',
      '/assets/..%2f..%2fportal-pages-outside.js',
      '/api/cabinet/nothing',
      '/v1/unknown',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).not.toContain('OUTSIDE-THE-BUILD');
      expect(response.body, url).not.toBe(index);
    }
    expect((await app.inject({ method: 'GET', url: '/api/cabinet/me' })).json()).toEqual({ ok: true });
  });
});
