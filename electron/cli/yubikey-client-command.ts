import { writeOtpClient } from '../auth/otp-authority';
import type { Output } from './commands';
import { openDesk } from './open-desk';

/**
 * `medcard yubikey-client --id N`: keeps this desk's YK-VAL client (made on the server with
 * `medcard-server yk-client-add`) in the encrypted store. The API key is read from standard
 * input, never from the command line, so that it stays out of the shell history and `ps`.
 */
export async function yubikeyClientCommand(
  db: string | undefined,
  id: string | undefined,
  readKey: () => Promise<string>,
  io: Output,
): Promise<number> {
  if (!id || !/^\d{1,10}$/.test(id)) {
    io.err('usage: echo API_KEY | medcard yubikey-client --id N [--db PATH]\n');
    return 2;
  }
  const apiKey = (await readKey()).trim();
  const ctx = await openDesk({ db, create: false });
  try {
    writeOtpClient(ctx.store, { clientId: Number(id), apiKey });
    io.out(`YubiKey OTPs are checked by the sync server as client ${id}.`);
    return 0;
  } finally {
    await ctx.store.close();
  }
}

/** Standard input, whole (a key is short; a terminal ends it with Ctrl+D). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
