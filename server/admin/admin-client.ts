import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { createInterface } from 'node:readline';
import { AppError } from '../../shared/errors/app-error';
import { isErrorCode } from '../../shared/errors/catalog';
import type { Output } from '../cli/commands';
import { adminAnswerSchema, maxLineBytes } from './admin-answer';
import type { AdminArgs, AdminCommand, AdminRequest } from './admin-request';
import { checkSocketSafe } from './admin-socket-path';

/** The request as this process sends it, naming itself. */
export function adminRequest(command: AdminCommand, args: AdminArgs): AdminRequest {
  return { command, args, client: { uid: process.getuid?.() ?? -1, pid: process.pid } };
}

/**
 * Sends `request` to the running server and relays its answer to `io`; resolves with the
 * command's exit status, or `undefined` when no server listens there (no socket, or a socket
 * left by a server that is gone): the caller then opens the database itself. A socket that
 * is not this user's alone is refused before anything is sent.
 */
export async function sendAdminRequest(
  socketPath: string,
  request: AdminRequest,
  io: Output,
): Promise<number | undefined> {
  if (!existsSync(socketPath)) return undefined;
  checkSocketSafe(socketPath);
  const socket = createConnection(socketPath);
  const connected = await new Promise<boolean>((done, fail) => {
    socket.once('connect', () => done(true));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED' || error.code === 'ENOENT') done(false);
      else fail(error);
    });
  });
  if (!connected) return undefined;
  socket.write(`${JSON.stringify(request)}\n`);
  const lines = createInterface({ input: socket, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (Buffer.byteLength(line) > maxLineBytes * 16) throw new AppError('server_ops.admin.answer');
      const parsed = adminAnswerSchema.safeParse(safeJson(line));
      if (!parsed.success) throw new AppError('server_ops.admin.answer');
      const answer = parsed.data;
      if (answer.type === 'out') io.out(answer.line);
      else if (answer.type === 'err') io.err(answer.text);
      else if (answer.type === 'exit') return answer.status;
      else {
        if (!isErrorCode(answer.code)) throw new AppError('server_ops.admin.answer');
        throw new AppError(answer.code, {
          params: answer.params,
          ...(answer.field === undefined ? {} : { field: answer.field }),
        });
      }
    }
    throw new AppError('server_ops.admin.answer');
  } finally {
    socket.destroy();
  }
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
