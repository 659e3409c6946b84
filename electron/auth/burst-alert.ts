import type { Actor } from '../store/actor';
import { appendAudit } from '../store/audit-log';
import type { Tx } from '../store/open-store';
import type { BurstPolicy } from './auth-settings';

/**
 * Someone at this desk trying account after account (A3): at least `failures` failed attempts
 * over at least `logins` different accounts or unknown logins within the window. One alert per
 * window, so that a long attack is one finding for the auditor, not hundreds.
 * Returns whether an alert was appended.
 */
export function raiseBurstAlert(tx: Tx, desk: Actor, now: Date, policy: BurstPolicy): boolean {
  const since = new Date(now.getTime() - policy.windowMinutes * 60_000).toISOString();
  // `action = '…'` spelled out so that SQLite uses the partial indexes of migration 0003.
  const recent = tx.get<{ failures: number; logins: number }>(
    `SELECT count(*) AS failures, count(DISTINCT json_extract(details, '$.subject')) AS logins
     FROM audit_events WHERE action = 'auth.sign_in.failed' AND device_id = ? AND at >= ?`,
    [desk.deviceId, since],
  );
  if (!recent || recent.failures < policy.failures || recent.logins < policy.logins) return false;
  const alreadyRaised = tx.get<{ one: number }>(
    "SELECT 1 AS one FROM audit_events WHERE action = 'auth.alert.burst' AND device_id = ? AND at >= ? LIMIT 1",
    [desk.deviceId, since],
  );
  if (alreadyRaised) return false;
  appendAudit(tx, desk, now.toISOString(), {
    action: 'auth.alert.burst',
    details: { failures: recent.failures, logins: recent.logins, windowMinutes: policy.windowMinutes, since },
  });
  return true;
}
