import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserHost, type BrowserHost, type BrowserHostOptions } from '../../../electron/browser-host/server';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A raw HTTP request to a host's port, so that Host, Origin and Cookie can be anything a hostile
 * page or another local user's program could send, on either loopback address.
 */
export function send(
  origin: string,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    address?: string;
  },
): Promise<Reply> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.address ?? '127.0.0.1',
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

/** `POST /api/session` with a launch secret, as the page does with its `#token=`. */
export function exchange(host: BrowserHost, token: string, headers: Record<string, string> = {}): Promise<Reply> {
  return send(host.origin, {
    method: 'POST',
    path: '/api/session',
    headers: { Origin: host.origin, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ token }),
  });
}

/** The `name=value` of the cookie a successful exchange set. */
export function cookieOf(reply: Reply): string {
  const header = reply.headers['set-cookie']?.[0] ?? '';
  return header.split(';')[0] ?? '';
}

/** A contract call with the page's Origin and whatever Cookie (or none) the caller holds. */
export function callWith(
  host: BrowserHost,
  cookie: string | null,
  name: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return send(host.origin, {
    method: 'POST',
    path: `/api/call/${name}`,
    headers: {
      Origin: host.origin,
      'Content-Type': 'application/json',
      ...(cookie ? { Cookie: cookie } : {}),
      ...headers,
    },
    body: JSON.stringify(input),
  });
}

/** A desk in a temp folder served by the real host over a tiny renderer; `dispose` removes both. */
export async function startTestHost(
  options: Partial<BrowserHostOptions> = {},
): Promise<{ host: BrowserHost; dir: string; dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'medcard-host-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  try {
    const host = await startBrowserHost({
      dbPath: join(dir, 'desk.db'),
      key: randomBytes(32),
      create: true,
      rendererDir,
      ...options,
    });
    return {
      host,
      dir,
      dispose: async () => {
        await host.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
