import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../shared/errors/app-error';

/**
 * Both loopback families, IPv6 first: Chromium tries `::1` first for `localhost`, so a family the
 * host left free is one another local user could listen on and serve the tab a page of theirs.
 */
export const loopbackAddresses = ['::1', '127.0.0.1'] as const;

/** A random port free on every family is looked for this many times before giving up. */
const randomPortAttempts = 8;

export interface LoopbackServers {
  port: number;
  /** The addresses listened on (a family this machine does not have is skipped). */
  addresses: string[];
  close(): Promise<void>;
}

/**
 * Listens with `handler` on the same port on every loopback address, or refuses (`host.port_taken`,
 * naming the port and address) when another program holds any of them. With no port given, picks
 * one: the first address on port 0, then the others on the port it got, again if one is taken.
 */
export async function listenOnLoopback(
  handler: RequestListener,
  port: number | undefined,
  addresses: readonly string[] = loopbackAddresses,
): Promise<LoopbackServers> {
  const attempts = port ? 1 : randomPortAttempts;
  let taken: AppError | undefined;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const bound = await bindAll(handler, port ?? 0, addresses);
    if (!(bound instanceof AppError)) return bound;
    taken = bound;
  }
  throw taken ?? new AppError('host.port_taken', { params: { port: port ?? 0, address: addresses.join(', ') } });
}

async function bindAll(
  handler: RequestListener,
  requested: number,
  addresses: readonly string[],
): Promise<LoopbackServers | AppError> {
  const servers: Server[] = [];
  const listened: string[] = [];
  let port = requested;
  for (const address of addresses) {
    const server = createServer(handler);
    const outcome = await listen(server, port, address);
    if (outcome === 'absent') continue;
    if (outcome !== 'listening') {
      await closeAll(servers);
      if (outcome.code === 'EADDRINUSE') return new AppError('host.port_taken', { params: { port, address } });
      throw outcome;
    }
    servers.push(server);
    listened.push(address);
    port = (server.address() as AddressInfo).port;
  }
  if (servers.length === 0) throw new Error(`No loopback address to listen on (${addresses.join(', ')})`);
  return { port, addresses: listened, close: () => closeAll(servers) };
}

/**
 * `absent`: the machine has no such address (IPv6 switched off), so nobody can listen there and
 * no browser connects there either.
 */
function listen(
  server: Server,
  port: number,
  address: string,
): Promise<'listening' | 'absent' | NodeJS.ErrnoException> {
  return new Promise((resolve) => {
    const onError = (error: NodeJS.ErrnoException) => {
      resolve(error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT' ? 'absent' : error);
    };
    server.once('error', onError);
    server.listen({ port, host: address, exclusive: true }, () => {
      server.off('error', onError);
      resolve('listening');
    });
  });
}

async function closeAll(servers: readonly Server[]): Promise<void> {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          // Chromium opens sockets ahead of time; close() alone would wait for them to time out.
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    ),
  );
}
