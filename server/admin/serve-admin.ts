import type { Knex } from 'knex';
import { AppError } from '../../shared/errors/app-error';
import { runAdminCommand } from '../cli/commands';
import { startAdminChannel, type AdminChannel, type AdminChannelLog } from './admin-channel';
import { adminSocketPath } from './admin-socket-path';

/**
 * The running server's admin channel, running the CLI's own commands on the server's open
 * database with the server's key. Another server already answering on the same socket (two
 * PostgreSQL instances sharing a folder) leaves this one without a channel, said in the log.
 */
export async function openAdminChannel(options: {
  db: Knex;
  blobKey: Buffer;
  dataDir: string;
  log: AdminChannelLog;
}): Promise<AdminChannel | undefined> {
  const { db, blobKey, log } = options;
  const path = adminSocketPath(options.dataDir);
  try {
    return await startAdminChannel({
      path,
      log,
      run: (request, io) => {
        if (request.command === 'restore')
          throw new AppError('server_ops.admin.not_here', { params: { command: 'restore' } });
        return runAdminCommand(request.command, request.args, {
          db,
          now: new Date(),
          io,
          serverKey: async () => blobKey,
        });
      },
    });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'server.data_busy') throw error;
    log.warn({ socket: path }, 'another server answers on the admin channel: this one runs without it');
    return undefined;
  }
}
