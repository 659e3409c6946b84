import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../electron/browser-host/server';
import { draft } from '../../support/fixtures';
import { signedInAs, type CallApi } from '../../support/staff-over-api';
import type { ApiEnvelope } from '../../../shared/api/facade';

let host: BrowserHost;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'medcard-host-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  host = await startBrowserHost({
    dbPath: join(dir, 'desk.db'),
    key: randomBytes(32),
    create: true,
    rendererDir,
    port: 0,
  });
});
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so that Host and Origin can be anything a hostile page could send. */
function send(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): Promise<Reply> {
  const url = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: url.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: url.host, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = (name: string, input: unknown, headers: Record<string, string> = {}) =>
  send({
    method: 'POST',
    path: `/api/call/${name}`,
    headers: {
      Origin: host.origin,
      Authorization: `Bearer ${host.secret}`,
      'Content-Type': 'application/json',
      ...headers,
    },
    body: JSON.stringify(input),
  });

const overHttp: CallApi = async (name, input) => JSON.parse((await call(name, input)).body) as ApiEnvelope<unknown>;

describe('the browser host (loopback only, per-launch secret, Origin check)', () => {
  it('listens on 127.0.0.1 only, named localhost (a WebAuthn relying party), and prints a URL carrying the secret in the fragment', async () => {
    expect(host.origin).toMatch(/^http:\/\/localhost:\d+$/);
    const port = Number(new URL(host.origin).port);
    const onLoopback = await new Promise<boolean>((resolve) => {
      const probe = request({ host: '127.0.0.1', port, path: '/', headers: { Host: `localhost:${port}` } }, (res) =>
        resolve(res.statusCode === 200),
      );
      probe.on('error', () => resolve(false));
      probe.end();
    });
    expect(onLoopback).toBe(true);
    expect(host.url).toBe(`${host.origin}/#token=${host.secret}`);
    expect(host.secret).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses patient data before anyone signs in, and carries the contract once a clerk has', async () => {
    expect(JSON.parse((await call('patients.search', { query: 'Сем' })).body)).toMatchObject({
      ok: false,
      error: { code: 'auth.required' },
    });
    await signedInAs(overHttp, host.origin, 'clerk');
    const created = await call('patients.create', draft());
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, data: { surname: 'Семёнова' } });
    const found = JSON.parse((await call('patients.search', { query: 'Сем' })).body);
    expect(found.data.items).toHaveLength(1);
  });

  it('refuses a call without the secret, with a wrong one, or from another origin', async () => {
    expect((await call('patients.search', { query: 'Сем' }, { Authorization: '' })).status).toBe(401);
    expect(
      (await call('patients.search', { query: 'Сем' }, { Authorization: `Bearer ${'0'.repeat(64)}` })).status,
    ).toBe(401);
    const foreign = await call('patients.search', { query: 'Сем' }, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({ ok: false, error: { code: 'host.origin' } });
  });

  it('refuses a request whose Host is not its own (DNS rebinding)', async () => {
    const reply = await send({ path: '/', headers: { Host: 'attacker.example:80' } });
    expect(reply.status).toBe(421);
  });

  it('refuses malformed JSON, the wrong content type and an oversized body', async () => {
    const headers = { Origin: host.origin, Authorization: `Bearer ${host.secret}` };
    const malformed = await send({
      method: 'POST',
      path: '/api/call/patients.search',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: '{"query":',
    });
    expect(JSON.parse(malformed.body)).toMatchObject({ error: { code: 'api.bad_request' } });
    expect(
      (
        await send({
          method: 'POST',
          path: '/api/call/patients.search',
          headers: { ...headers, 'Content-Type': 'text/plain' },
          body: '{}',
        })
      ).status,
    ).toBe(415);
    const huge = await send({
      method: 'POST',
      path: '/api/call/patients.search',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: Buffer.alloc(2 * 1024 * 1024, 0x20),
    });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ error: { code: 'host.too_large' } });
  });

  it('serves the renderer with the CSP and nothing outside its folder', async () => {
    const index = await send({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await send({ path: '/assets/app.js' })).headers['content-type']).toContain('text/javascript');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const reply = await send({ path });
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('outside the renderer');
    }
  });
});
