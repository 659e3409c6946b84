import type { Tx } from '../open-store';
import { rawTx } from '../raw-tx';

/**
 * Per-desk writers of a lone desk's TOTP (one not enrolled with a server; an enrolled desk's
 * secret is made, sealed and checked on the server and never reaches it). A secret waiting for
 * its first code stays where its QR code was shown; the confirmed secret and the last accepted
 * step stay on this desk too — they are not synced fields (issue 10, item 2).
 */
export function setPendingTotpSecret(tx: Tx, staffId: string, secret: string | null): void {
  rawTx(tx).run('UPDATE staff SET totp_pending_secret = ? WHERE id = ?', [secret, staffId]);
}

/** The pending secret becomes the person's, its confirming code's step spent. */
export function setLocalTotpSecret(tx: Tx, staffId: string, secret: string, lastStep: number): void {
  rawTx(tx).run('UPDATE staff SET totp_secret = ?, totp_last_step = ?, totp_pending_secret = NULL WHERE id = ?', [
    secret,
    lastStep,
    staffId,
  ]);
}

/** A sign-in code's step, spent: it only ever grows. */
export function spendLocalTotpStep(tx: Tx, staffId: string, step: number): void {
  rawTx(tx).run('UPDATE staff SET totp_last_step = max(coalesce(totp_last_step, -1), ?) WHERE id = ?', [step, staffId]);
}
