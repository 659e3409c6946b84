import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiEnvelope } from '../../shared/api/facade';
import { AppError, toApiError } from '../../shared/errors/app-error';
import type { ErrorCode } from '../../shared/errors/catalog';
import type { Core } from '../core/core';
import { openCore } from '../core/open-core';
import { contentSecurityPolicy } from './content-policy';
import { readRendererFile } from './static-files';

export interface BrowserHostOptions {
  dbPath: string;
  key: Buffer;
  create: boolean;
  /** The built renderer (vite's output). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** The per-launch secret; random unless a test fixes it. */
  secret?: string;
  deviceName?: string;
}

export interface BrowserHost {
  /** The address to open, with the secret in the fragment (never sent to the server in logs). */
  url: string;
  origin: string;
  secret: string;
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;
const callPath = /^\/api\/call\/([A-Za-z0-9.]{1,100})$/;

/**
 * The browser host (ARCHITECTURE rule 3): the same core as Electron, carried over HTTP on the
 * loopback interface only, for one browser tab that holds the per-launch secret.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  let core: Core | undefined;
  const secret = options.secret ?? randomBytes(32).toString('hex');
  const expectedAuth = Buffer.from(`Bearer ${secret}`);
  let origin = '';

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, failure('api.internal'));
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // A page on another site resolving its name to 127.0.0.1 (DNS rebinding) sends another Host.
    if (request.headers.host !== new URL(origin).host) return sendJson(response, 421, failure('host.origin'));
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const call = callPath.exec(path);
    if (call && request.method === 'POST') return handleCall(call[1] ?? '', request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return sendJson(response, 405, failure('api.bad_request'));
    const file = await readRendererFile(options.rendererDir, path);
    if (!file) return sendPlain(response, 404, 'Not found');
    response.writeHead(200, {
      'Content-Type': file.type,
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  async function handleCall(name: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.headers.origin !== origin) return sendJson(response, 403, failure('host.origin'));
    const auth = Buffer.from(request.headers.authorization ?? '');
    if (auth.length !== expectedAuth.length || !timingSafeEqual(auth, expectedAuth)) {
      return sendJson(response, 401, failure('host.unauthorized'));
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(response, 415, failure('api.bad_request'));
    }
    const body = await readBody(request);
    if (body === 'too-large') {
      response.on('finish', () => request.destroy());
      response.setHeader('Connection', 'close');
      return sendJson(response, 413, failure('host.too_large'));
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as unknown);
    } catch {
      return sendJson(response, 400, failure('api.bad_request'));
    }
    if (!core) return sendJson(response, 503, failure('api.internal'));
    sendJson(response, 200, await core.dispatch(name, input));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  // `localhost`, not the address: WebAuthn takes no IP address as a relying party, and
  // localhost is a secure context. The socket still listens on 127.0.0.1 only.
  origin = `http://localhost:${port}`;
  try {
    core = await openCore({
      dbPath: options.dbPath,
      key: options.key,
      create: options.create,
      deviceName: options.deviceName,
      relyingParty: { rpId: 'localhost', origin },
    });
  } catch (error) {
    server.close();
    throw error;
  }
  const openedCore = core;

  return {
    url: `${origin}/#token=${secret}`,
    origin,
    secret,
    close: async () => {
      // Chromium opens sockets ahead of time; close() would wait for them to time out.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await openedCore.close();
    },
  };
}

function failure(code: ErrorCode): ApiEnvelope<never> {
  return { ok: false, error: toApiError(new AppError(code)) };
}

function sendJson(response: ServerResponse, status: number, envelope: ApiEnvelope<unknown>): void {
  const body = JSON.stringify(envelope);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}

function sendPlain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        request.removeAllListeners('data');
        request.pause();
        resolve('too-large');
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
