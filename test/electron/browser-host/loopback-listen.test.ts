import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listenOnLoopback } from '../../../electron/browser-host/loopback-listen';
import { AppError } from '../../../shared/errors/app-error';
import { send, startTestHost } from './raw-http';

const opened: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (opened.length > 0) await opened.pop()?.();
});

/** Another local user's program, listening first on `address` (port 0: any free one). */
async function squatter(address: string, port = 0): Promise<{ port: number; server: Server }> {
  const server = createServer((_request, response) => response.end('<script>steal(location.hash)</script>'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: address, exclusive: true }, () => resolve());
  });
  opened.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { port: (server.address() as AddressInfo).port, server };
}

async function startedHost(port?: number) {
  const started = await startTestHost({ port });
  opened.push(started.dispose);
  return started.host;
}

function refusal(error: unknown): { code: string; params: Record<string, unknown> } {
  expect(error).toBeInstanceOf(AppError);
  const { code, params } = error as AppError;
  return { code, params };
}

describe('the host holds both loopback families (the squat on [::1])', () => {
  it('another local user listening on [::1]:port first: the host refuses to start, naming the port', async () => {
    const { port } = await squatter('::1');
    const error = await startedHost(port).catch((caught: unknown) => caught);
    expect(refusal(error)).toEqual({ code: 'host.port_taken', params: { port, address: '::1' } });
    expect((error as AppError).message).toContain(`Port ${port} on ::1 is taken`);
  });

  it('another local user listening on 127.0.0.1:port first: refused the same way, the [::1] side let go again', async () => {
    const { port } = await squatter('127.0.0.1');
    const error = await startedHost(port).catch((caught: unknown) => caught);
    expect(refusal(error)).toEqual({ code: 'host.port_taken', params: { port, address: '127.0.0.1' } });
    // Nothing was left listening on ::1: another program can take it (and the host could retry).
    await squatter('::1', port);
  });

  it('with both families bound by the host, a client connecting to ::1 or to 127.0.0.1 reaches the host', async () => {
    const host = await startedHost();
    expect(host.addresses).toEqual(['::1', '127.0.0.1']);
    const port = Number(new URL(host.origin).port);
    expect(port).toBeGreaterThan(0);
    for (const address of ['::1', '127.0.0.1']) {
      const reply = await send(host.origin, { path: '/', address });
      expect(reply.status, address).toBe(200);
      expect(reply.body, address).toContain('<title>desk</title>');
    }
    // And now nobody else can take either side of the port.
    for (const address of ['::1', '127.0.0.1']) {
      await expect(squatter(address, port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    }
  });

  it('a chosen port free on both families is used, and the relying party (origin) follows it', async () => {
    const probe = await listenOnLoopback((_request, response) => response.end(), undefined);
    const { port } = probe;
    await probe.close();
    const host = await startedHost(port);
    expect(host.origin).toBe(`http://localhost:${port}`);
    expect(host.url.startsWith(`http://localhost:${port}/#token=`)).toBe(true);
  });

  it('random ports are free on both families, one each', async () => {
    const servers = await Promise.all(
      Array.from({ length: 3 }, () => listenOnLoopback((_request, response) => response.end('ok'), undefined)),
    );
    servers.forEach((server) => opened.push(server.close));
    expect(new Set(servers.map((server) => server.port)).size).toBe(3);
    for (const server of servers) expect(server.addresses).toEqual(['::1', '127.0.0.1']);
  });

  it('a random pick taken on the second address is tried again, then refused naming the port (host.port_taken)', async () => {
    // The second address is the first one again: every pick is half taken, by the host itself.
    const error = await listenOnLoopback((_request, response) => response.end(), undefined, [
      '127.0.0.1',
      '127.0.0.1',
    ]).catch((caught: unknown) => caught);
    expect(refusal(error)).toMatchObject({ code: 'host.port_taken', params: { address: '127.0.0.1' } });
    const { port } = refusal(error).params;
    expect(port).toBeGreaterThan(0);
    // Each attempt let go of what it had bound: the port it named is free again.
    await squatter('127.0.0.1', Number(port));
  });

  it('an address this machine does not have (no IPv6) is skipped, not refused: nobody can listen there', async () => {
    const servers = await listenOnLoopback((_request, response) => response.end('ok'), undefined, ['::2', '127.0.0.1']);
    opened.push(servers.close);
    expect(servers.addresses).toEqual(['127.0.0.1']);
    const reached = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: servers.port, path: '/' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(reached).toBe(200);
  });
});
