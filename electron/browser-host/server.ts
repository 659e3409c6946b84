import { randomBytes } from 'node:crypto';
import type { Clock } from '../store/clock';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiEnvelope } from '../../shared/api/facade';
import { AppError, toApiError } from '../../shared/errors/app-error';
import type { ErrorCode } from '../../shared/errors/catalog';
import type { Core } from '../core/core';
import { openCore } from '../core/open-core';
import { contentSecurityPolicy } from './content-policy';
import { exchangeBodySchema, LaunchSession } from './launch-session';
import { listenOnLoopback } from './loopback-listen';
import { readRendererFile } from './static-files';
import { lockedCall, type KeyAwaitingTouch } from './prf-unlock';
import type { DatabaseKeyAccess } from '../services/db-key/database-key-access';

export interface BrowserHostOptions {
  dbPath: string;
  /** The database key, or the bound-keys file a touch of a hardware key opens (the host starts locked). */
  key: Buffer | KeyAwaitingTouch;
  /** Whether the admin's page may bind the database key to hardware keys (issue 15, A5). */
  databaseKey?: (key: Buffer) => DatabaseKeyAccess;
  create: boolean;
  /** The built renderer (vite's output). */
  rendererDir: string;
  /** 0 or none picks a port free on both loopback families. */
  port?: number;
  /** The per-launch secret; random unless a test fixes it. */
  secret?: string;
  deviceName?: string;
  /** The core's clock; a test moves it (the five minutes of a recent sign-in, say). */
  clock?: Clock;
}

export interface BrowserHost {
  /**
   * The address to open, with the launch secret in the fragment (never sent in a request line,
   * a log or a Referer): the page trades it once for the tab's cookie (`POST /api/session`).
   */
  url: string;
  origin: string;
  /** The launch secret; spent by the first exchange. */
  secret: string;
  /** The loopback addresses listened on, all on the origin's port. */
  addresses: string[];
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;
const callPath = /^\/api\/call\/([A-Za-z0-9.]{1,100})$/;
const exchangePath = '/api/session';

/**
 * The browser host (ARCHITECTURE rule 3): the same core as Electron, carried over HTTP on both
 * loopback families (or not at all), for the one browser tab that traded the launch secret for
 * its cookie.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  let core: Core | undefined;
  // Locked until a bound hardware key is touched; `opening` while the store opens after that.
  const awaiting = Buffer.isBuffer(options.key) ? undefined : options.key;
  let opening: Promise<void> | undefined;
  const secret = options.secret ?? randomBytes(32).toString('hex');
  const launch = new LaunchSession(secret);
  let origin = '';

  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, failure('api.internal'));
      else response.destroy();
    });
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // A page on another site resolving its name to 127.0.0.1 (DNS rebinding) sends another Host.
    if (request.headers.host !== new URL(origin).host) return sendJson(response, 421, failure('host.origin'));
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const call = callPath.exec(path);
    if (request.method === 'POST' && (call || path === exchangePath)) {
      if (request.headers.origin !== origin) return sendJson(response, 403, failure('host.origin'));
      return call ? handleCall(call[1] ?? '', request, response) : handleExchange(request, response);
    }
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

  async function handleExchange(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const input = await readJson(request, response);
    if (input === undefined) return;
    const body = exchangeBodySchema.safeParse(input);
    if (!body.success) return sendJson(response, 400, failure('api.bad_request'));
    const outcome = launch.exchange(body.data.token, request.headers.cookie);
    if (!outcome.ok) return sendJson(response, outcome.status, failure(outcome.code));
    if (outcome.setCookie) response.setHeader('Set-Cookie', outcome.setCookie);
    sendJson(response, 200, { ok: true, data: null });
  }

  async function handleCall(name: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!launch.holdsCookie(request.headers.cookie)) return sendJson(response, 401, failure('host.unauthorized'));
    const input = await readJson(request, response);
    if (input === undefined) return;
    if (!core && awaiting) {
      const locked = lockedCall(awaiting, name, input);
      if ('answer' in locked) return sendJson(response, 200, locked.answer);
      opening ??= open(locked.key).finally(() => (opening = undefined));
      await opening;
      return sendJson(response, 200, { ok: true, data: { open: true } });
    }
    if (!core) return sendJson(response, 503, failure('api.internal'));
    sendJson(response, 200, await core.dispatch(name, input));
  }

  /** The JSON body of a POST, or undefined once a refusal was sent. */
  async function readJson(request: IncomingMessage, response: ServerResponse): Promise<unknown> {
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(response, 415, failure('api.bad_request'));
    }
    const body = await readBody(request);
    if (body === 'too-large') {
      response.on('finish', () => request.destroy());
      response.setHeader('Connection', 'close');
      return sendJson(response, 413, failure('host.too_large'));
    }
    try {
      return body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as unknown);
    } catch {
      return sendJson(response, 400, failure('api.bad_request'));
    }
  }

  const listening = await listenOnLoopback(onRequest, options.port);
  // `localhost`, not an address: WebAuthn takes no IP address as a relying party, and localhost
  // is a secure context. The browser resolves it to ::1 or 127.0.0.1; both are this host's.
  origin = `http://localhost:${listening.port}`;
  async function open(key: Buffer): Promise<void> {
    core = await openCore({
      dbPath: options.dbPath,
      key,
      create: options.create,
      deviceName: options.deviceName,
      relyingParty: { rpId: 'localhost', origin },
      clock: options.clock,
      databaseKey: options.databaseKey?.(key),
    });
  }
  if (Buffer.isBuffer(options.key)) {
    try {
      await open(options.key);
    } catch (error) {
      await listening.close();
      throw error;
    }
  }

  return {
    url: `${origin}/#token=${secret}`,
    origin,
    secret,
    addresses: listening.addresses,
    close: async () => {
      await listening.close();
      await opening?.catch(() => undefined);
      await core?.close();
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
