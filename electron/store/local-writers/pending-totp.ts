import type { Tx } from '../open-store';
import { rawTx } from '../raw-tx';

/**
 * Per-desk writer: a TOTP secret waiting for its first code. It stays on this desk — the app is
 * confirmed where its QR code was shown — and only the confirmed secret syncs (through the door).
 */
export function setPendingTotpSecret(tx: Tx, staffId: string, secret: string | null): void {
  rawTx(tx).run('UPDATE staff SET totp_pending_secret = ? WHERE id = ?', [secret, staffId]);
}
