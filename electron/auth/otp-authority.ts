import { z } from 'zod';
import { AppError } from '../../shared/errors/app-error';
import type { Store } from '../store/open-store';
import { readSetting, writeSetting } from '../store/settings';
import { readSyncIdentity } from '../sync/sync-settings';
import { verifyYubikeyOtp, type YubikeyVerdict } from './yubikey-client';

/** This desk's YK-VAL client (from `medcard-server yk-client-add`), kept in the encrypted store. */
const otpClientSchema = z.strictObject({
  clientId: z.union([z.number().int().positive(), z.string().regex(/^\d{1,10}$/)]),
  apiKey: z.base64().min(16).max(200),
});
export type OtpClient = z.infer<typeof otpClientSchema>;
const otpClientKey = 'auth.yubikey.client';

export function writeOtpClient(store: Store, client: OtpClient): void {
  const parsed = otpClientSchema.safeParse(client);
  if (!parsed.success)
    throw new AppError('yubikey.client.format', { field: String(parsed.error.issues[0]?.path[0] ?? 'apiKey') });
  store.transaction((tx) => writeSetting(tx, otpClientKey, parsed.data));
}

/**
 * The OTP check of a desk: the central server's YK-VAL endpoint at the desk's sync addresses
 * (primary, then backup), signed with the desk's client key. A desk with no server or no client
 * says so (`yubikey.not_configured`), and the person signs in with the FIDO2 key instead.
 */
export function otpAuthority(store: Store): (otp: string) => Promise<YubikeyVerdict> {
  return (otp) => {
    const config = store.transaction((tx) => ({
      identity: readSyncIdentity(tx),
      client: otpClientSchema.safeParse(readSetting<unknown>(tx, otpClientKey)),
    }));
    if (!config.identity || !config.client.success) throw new AppError('yubikey.not_configured');
    return verifyYubikeyOtp({
      servers: config.identity.servers,
      clientId: config.client.data.clientId,
      apiKey: config.client.data.apiKey,
      otp,
    });
  };
}
