import type { Knex } from 'knex';
import { z } from 'zod';
import { AppError } from '../../shared/errors/app-error';
import type { Output } from '../cli/commands';
import { createYkvalClient, maxClientId, revokeYkvalClient } from './ykval-clients';
import { addYubikey, listYubikeys, parseNewYubikey, revokeYubikey, type NewYubikey } from './yubikeys';

/** The `medcard-server` commands for YubiKey OTP; cli.ts parses the arguments. */
export const yubikeyCommands = [
  'yubikey-add',
  'yubikey-revoke',
  'yubikey-list',
  'yk-client-add',
  'yk-client-revoke',
] as const;
export type YubikeyCommand = (typeof yubikeyCommands)[number];

export function isYubikeyCommand(command: string): command is YubikeyCommand {
  return (yubikeyCommands as readonly string[]).includes(command);
}

/** Commands that seal secrets, and so need the server key. */
export function needsServerKey(command: YubikeyCommand): boolean {
  return command === 'yubikey-add' || command === 'yk-client-add';
}

export interface YubikeyArgs {
  'public-id'?: string | undefined;
  'private-id'?: string | undefined;
  'aes-key'?: string | undefined;
  staff?: string | undefined;
  name?: string | undefined;
  id?: string | undefined;
  device?: string | undefined;
}

const clientId = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number)
  .refine((id) => id <= maxClientId);

/**
 * Checks the arguments before the database is opened; an AppError names the wrong one. A
 * YubiKey's public id is exactly 12 modhex letters here, as YubiKey Manager programs it.
 */
export function checkYubikeyArgs(command: YubikeyCommand, args: YubikeyArgs): void {
  if (command === 'yubikey-add') {
    if (args['public-id']?.length !== 12) throw new AppError('yubikey.public_id.format', { field: 'public-id' });
    try {
      parseNewYubikey(newKeyFrom(args));
    } catch (error) {
      // Named as the admin typed it: --aes-key, not aesKey.
      if (error instanceof AppError && error.field !== undefined) {
        throw new AppError(error.code, { field: flagOf[error.field as keyof NewYubikey] ?? error.field });
      }
      throw error;
    }
  }
  if (command === 'yubikey-revoke' && !/^[cbdefghijklnrtuv]{2,16}$/i.test(args['public-id'] ?? '')) {
    throw new AppError('yubikey.public_id.format', { field: 'public-id' });
  }
  if (command === 'yk-client-revoke' && !clientId.safeParse(args.id).success) {
    throw new AppError('yubikey.client.not_found', { field: 'id', params: { id: args.id ?? '?' } });
  }
  if (command === 'yk-client-add' && args.device !== undefined && !z.uuid().safeParse(args.device).success) {
    throw new AppError('sync.device.not_found', { field: 'device', params: { id: args.device } });
  }
}

export async function runYubikeyCommand(
  command: YubikeyCommand,
  args: YubikeyArgs,
  deps: { db: Knex; secretsKey?: Uint8Array; now: Date; io: Output },
): Promise<number> {
  const { db, now, io } = deps;
  switch (command) {
    case 'yubikey-add': {
      const key = await addYubikey(db, required(deps.secretsKey), parseNewYubikey(newKeyFrom(args)), now);
      io.out(`added ${key.publicId} for ${key.staffId}${key.name ? ` (${key.name})` : ''}`);
      return 0;
    }
    case 'yubikey-revoke': {
      const key = await revokeYubikey(db, args['public-id'] as string, now);
      io.out(`revoked ${key.publicId} (${key.staffId}) at ${key.revokedAt?.toISOString() ?? now.toISOString()}`);
      return 0;
    }
    case 'yubikey-list':
      return listCommand(db, io);
    case 'yk-client-add': {
      const client = await createYkvalClient(db, required(deps.secretsKey), {
        ...(args.device === undefined ? {} : { deviceId: args.device.toLowerCase() }),
        now,
      });
      io.out(`${client.id}\t${client.apiKey}`);
      io.err(
        `YK-VAL client ${client.id}${args.device ? ` for device ${args.device}` : ''}: the line above is its id and API key.\n` +
          'Enter both in the workstation’s settings; the key is not shown again.\n',
      );
      return 0;
    }
    case 'yk-client-revoke': {
      const id = clientId.parse(args.id);
      const at = await revokeYkvalClient(db, id, now);
      io.out(`revoked YK-VAL client ${id} at ${at.toISOString()}`);
      return 0;
    }
  }
}

async function listCommand(db: Knex, io: Output): Promise<number> {
  const keys = await listYubikeys(db);
  if (keys.length === 0) {
    io.out('no YubiKeys registered');
    return 0;
  }
  io.out(['public id', 'staff', 'added', 'revoked', 'last used', 'counter', 'name'].join('\t'));
  for (const key of keys) {
    io.out(
      [
        key.publicId,
        key.staffId,
        key.createdAt.toISOString(),
        key.revokedAt?.toISOString() ?? '-',
        key.lastUsedAt?.toISOString() ?? '-',
        key.lastUsageCounter < 0 ? '-' : `${key.lastUsageCounter}/${key.lastSessionUse}`,
        key.name ?? '',
      ].join('\t'),
    );
  }
  return 0;
}

const flagOf: Record<keyof NewYubikey, keyof YubikeyArgs> = {
  publicId: 'public-id',
  privateId: 'private-id',
  aesKey: 'aes-key',
  staffId: 'staff',
  name: 'name',
};

function newKeyFrom(args: YubikeyArgs): Partial<Record<keyof NewYubikey, unknown>> {
  return {
    publicId: args['public-id'],
    privateId: args['private-id'],
    aesKey: args['aes-key'],
    staffId: args.staff,
    name: args.name,
  };
}

function required(key: Uint8Array | undefined): Uint8Array {
  if (!key) throw new Error('This command seals secrets: the server key must be loaded first');
  return key;
}
