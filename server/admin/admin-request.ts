import { z } from 'zod';
import { AppError } from '../../shared/errors/app-error';
import { checkYubikeyArgs, isYubikeyCommand, yubikeyCommands } from '../otp/yubikey-commands';

/**
 * One admin command as data: what `medcard-server` parsed from its arguments (and the YubiKey
 * secrets it read from stdin or a 0600 file), sent as is through the admin channel or run here.
 * Checked with the same schema on both ends of the channel.
 */
export const adminCommands = [
  'enrol-device',
  'list-devices',
  'revoke-device',
  'clinic-add',
  'clinic-list',
  'portal-token',
  ...yubikeyCommands,
  'backup',
  'restore',
] as const;
export type AdminCommand = (typeof adminCommands)[number];

const text = (max: number) => z.string().min(1).max(max).optional();

export const adminArgsSchema = z
  .object({
    name: z.string().max(100).optional(),
    id: text(100),
    'public-id': text(64),
    'private-id': text(64),
    'aes-key': text(128),
    staff: text(100),
    device: text(100),
    clinic: text(100),
    /** backup: the file to write, an absolute path (the CLI resolves it against its own folder). */
    out: text(4096),
    /** restore: the backup file, an absolute path. */
    file: text(4096),
  })
  .strict();
export type AdminArgs = z.infer<typeof adminArgsSchema>;

/** Arguments that are secrets: they cross the channel (never argv) but are never logged. */
export const secretArgs = ['aes-key', 'private-id'] as const satisfies readonly (keyof AdminArgs)[];

export const adminRequestSchema = z
  .object({
    command: z.enum(adminCommands),
    args: adminArgsSchema,
    /** Who sends it, as the client reports itself (Node cannot read the socket's peer credentials). */
    client: z.object({ uid: z.number().int().min(-1), pid: z.number().int().positive() }).strict(),
  })
  .strict();
export type AdminRequest = z.infer<typeof adminRequestSchema>;

export function isAdminCommand(command: string): command is AdminCommand {
  return (adminCommands as readonly string[]).includes(command);
}

/**
 * What is wrong with the arguments for `command`, in the CLI's words (it prints them with the
 * usage), or undefined. YubiKey arguments are checked by their own rules and throw AppError.
 */
export function usageProblem(command: AdminCommand, args: AdminArgs): string | undefined {
  if (args.name !== undefined && (args.name.length < 1 || args.name.length > 100)) {
    return '--name takes 1 to 100 characters';
  }
  if (args.clinic !== undefined && !z.uuid().safeParse(args.clinic).success) {
    return '--clinic takes a clinic id (see clinic-list)';
  }
  if (command === 'clinic-add' && args.name === undefined) return 'clinic-add needs --name';
  if (command === 'portal-token' && !args.clinic) return 'portal-token needs --clinic';
  if (command === 'revoke-device' && !z.uuid().safeParse(args.id).success) {
    return 'revoke-device needs --id with a device id (see list-devices)';
  }
  if (command === 'backup' && !args.out?.startsWith('/')) return 'backup needs --out FILE';
  if (command === 'restore' && !args.file?.startsWith('/')) return 'restore needs the backup FILE';
  if (isYubikeyCommand(command)) checkYubikeyArgs(command, args);
  return undefined;
}

/** The request's arguments as they may be logged: the secrets' names kept, their values not. */
export function loggableArgs(args: AdminArgs): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(args)) {
    if (value === undefined) continue;
    shown[name] = (secretArgs as readonly string[]).includes(name) ? '[secret]' : value;
  }
  return shown;
}

/** The server's end: parses one request line; a wrong one is refused with its reason. */
export function parseAdminRequest(line: string): AdminRequest {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new AppError('server_ops.admin.request', { params: { detail: 'not JSON' } });
  }
  const parsed = adminRequestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('server_ops.admin.request', {
      params: { detail: `${issue?.path.join('.') || 'request'}: ${issue?.message ?? '?'}`.slice(0, 200) },
    });
  }
  const problem = usageProblem(parsed.data.command, parsed.data.args);
  if (problem !== undefined) throw new AppError('server_ops.admin.request', { params: { detail: problem } });
  return parsed.data;
}
