import { statSync, readFileSync } from 'node:fs';
import { AppError } from '../../shared/errors/app-error';

/**
 * A YubiKey's secrets (its AES key and private id) reach `yubikey-add` on stdin or in a file only
 * its owner can read — never in argv, which every local user sees in `ps` and the shell keeps in
 * its history. The text holds `aes-key=HEX` and `private-id=HEX`, one per line (blank lines and
 * `#` comments are skipped), the names the old flags had.
 */
export interface YubikeySecretInput {
  aesKey: string;
  privateId: string;
}

/** The flags that once carried secrets: refused, with the way to pass them now. */
export const secretFlags = ['aes-key', 'private-id'] as const;

const names: Record<string, keyof YubikeySecretInput> = { 'aes-key': 'aesKey', 'private-id': 'privateId' };

export function parseYubikeySecrets(text: string): YubikeySecretInput {
  const found: Partial<YubikeySecretInput> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const equals = line.indexOf('=');
    const field = equals > 0 ? names[line.slice(0, equals).trim()] : undefined;
    if (field === undefined || found[field] !== undefined) throw new AppError('yubikey.secrets.input');
    found[field] = line.slice(equals + 1).trim();
  }
  if (found.aesKey === undefined || found.privateId === undefined) throw new AppError('yubikey.secrets.input');
  return { aesKey: found.aesKey, privateId: found.privateId };
}

/** Reads a secrets file, refusing one that anybody but its owner may read or write. */
export function readYubikeySecretsFile(path: string): YubikeySecretInput {
  const stat = statSync(path);
  if (!stat.isFile() || (stat.mode & 0o077) !== 0) {
    throw new AppError('yubikey.secrets.file_mode', { params: { path } });
  }
  return parseYubikeySecrets(readFileSync(path, 'utf8'));
}

/** All of stdin as text (a pipe or a redirected file; at a terminal, until Ctrl-D). */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
