import { chmodSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { AppError } from '../../shared/errors/app-error';
import type { Output } from '../cli/commands';
import type { AdminAnswer } from './admin-answer';
import { maxLineBytes } from './admin-answer';
import { loggableArgs, parseAdminRequest, type AdminRequest } from './admin-request';
import { prepareSocketFolder } from './admin-socket-path';

/** How long a connection may take to send its request line. */
const requestWaitMs = 10_000;

export interface AdminChannelLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface AdminChannel {
  path: string;
  close(): Promise<void>;
}

/**
 * The running server's local admin channel: a Unix socket (0600, in a 0700 folder) taking one
 * JSON request line per connection and answering in JSON lines (admin-answer.ts) while `run`
 * executes it. Every command is logged with who sent it and its arguments, secrets masked.
 */
export async function startAdminChannel(options: {
  path: string;
  log: AdminChannelLog;
  run: (request: AdminRequest, io: Output) => Promise<number>;
}): Promise<AdminChannel> {
  const { path, log, run } = options;
  prepareSocketFolder(path);
  await removeStaleSocket(path);
  const server = createServer({ allowHalfOpen: true }, (socket) => serve(socket, log, run));
  // Made with no access for others from its first moment; the chmod then makes it exactly 0600.
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(path, () => {
        server.off('error', fail);
        done();
      });
    });
  } finally {
    process.umask(umask);
  }
  chmodSync(path, 0o600);
  log.info({ socket: path }, 'admin channel listening');
  return {
    path,
    close: () => closeServer(server, path),
  };
}

function serve(
  socket: Socket,
  log: AdminChannelLog,
  run: (request: AdminRequest, io: Output) => Promise<number>,
): void {
  let buffered = '';
  let started = false;
  socket.setEncoding('utf8');
  const send = (answer: AdminAnswer): void => {
    if (!socket.destroyed) socket.write(`${JSON.stringify(answer)}\n`);
  };
  const finish = (answer: AdminAnswer): void => {
    send(answer);
    socket.end();
  };
  socket.on('error', () => socket.destroy());
  // A client that connects and says nothing would hold the server's shutdown (close waits for it).
  socket.setTimeout(requestWaitMs, () => {
    if (!started) socket.destroy();
  });
  socket.on('data', (chunk: string) => {
    if (started) return;
    buffered += chunk;
    const end = buffered.indexOf('\n');
    if (end < 0) {
      if (Buffer.byteLength(buffered) > maxLineBytes) {
        started = true;
        finish(errorAnswer(new AppError('server_ops.admin.request', { params: { detail: 'too long' } })));
      }
      return;
    }
    started = true;
    socket.setTimeout(0);
    let request: AdminRequest;
    try {
      request = parseAdminRequest(buffered.slice(0, end));
    } catch (error) {
      log.warn({ code: (error as AppError).code }, 'admin channel: request refused');
      finish(errorAnswer(error));
      return;
    }
    if (request.command === 'restore') {
      finish(errorAnswer(new AppError('server_ops.admin.not_here', { params: { command: request.command } })));
      return;
    }
    log.info(
      {
        command: request.command,
        args: loggableArgs(request.args),
        clientUid: request.client.uid,
        clientPid: request.client.pid,
      },
      'admin command',
    );
    const io: Output = {
      out: (line) => send({ type: 'out', line }),
      err: (text) => send({ type: 'err', text }),
    };
    run(request, io).then(
      (status) => finish({ type: 'exit', status }),
      (error: unknown) => {
        if (!(error instanceof AppError)) log.error({ err: error, command: request.command }, 'admin command failed');
        else log.info({ command: request.command, code: error.code }, 'admin command refused');
        finish(errorAnswer(error));
      },
    );
  });
  socket.on('end', () => {
    if (!started) socket.end();
  });
}

function errorAnswer(error: unknown): AdminAnswer {
  if (error instanceof AppError) {
    return {
      type: 'error',
      code: error.code,
      params: error.params,
      ...(error.field === undefined ? {} : { field: error.field }),
    };
  }
  return { type: 'error', code: 'server.unavailable', params: {} };
}

/**
 * A socket file left by a server that died is removed; one that answers belongs to a server
 * still running here, and is left to it.
 */
async function removeStaleSocket(path: string): Promise<void> {
  const alive = await new Promise<boolean>((done) => {
    const probe = createConnection(path);
    probe.once('connect', () => {
      probe.destroy();
      done(true);
    });
    probe.once('error', () => done(false));
  });
  if (alive) throw new AppError('server.data_busy', { params: { path, pid: '?' } });
  rmSync(path, { force: true });
}

async function closeServer(server: Server, path: string): Promise<void> {
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(path, { force: true });
}
