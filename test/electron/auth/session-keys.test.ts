import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionActor } from '../../../electron/auth/auth-context';
import { finishSignIn } from '../../../electron/auth/key-step';
import { beginSignIn } from '../../../electron/auth/password-step';
import { openTicketSession, pendingSession } from '../../../electron/auth/session-keys';
import { SessionKeeper } from '../../../electron/core/session-keeper';
import { insertSyncedRow } from '../../../electron/store/record-door';
import { writeSyncIdentity } from '../../../electron/sync/sync-settings';
import { statementText } from '../../../shared/sync/session-proof';
import { firstAdminWithKey, openAuthDesk, refusal, signIn, type AuthDesk } from './auth-harness';

let h: AuthDesk | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

const provenRows = (desk: AuthDesk) =>
  desk.auth.store.transaction((tx) =>
    tx.all<{ session_id: string; proof: string }>('SELECT session_id, proof FROM proven_sessions'),
  );

describe('session keys at sign-in (issue 10, item 1)', () => {
  it('the key signs the attempt’s session statement: the challenge is SHA-256 of it, and the assertion is its proof', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const step = await beginSignIn(h.auth, { login: admin.login, password: admin.password });
    const pending = pendingSession(step.attemptId)!;
    expect(pending.statement).toMatchObject({ staffId: admin.session.staffId, deviceId: h.auth.desk.deviceId });
    expect(step.publicKey!.challenge).toBe(
      createHash('sha256').update(statementText(pending.statement)).digest('base64url'),
    );
    const session = await finishSignIn(h.auth, {
      attemptId: step.attemptId,
      answer: await admin.key.get(step.publicKey!),
    });
    expect(session.proven?.proven.statement).toEqual(pending.statement);
    expect(session.proven?.proven.proof).toMatchObject({ kind: 'webauthn' });
    // Kept for the sync worker, public parts only; the private key is in memory.
    expect(provenRows(h).map((row) => row.session_id)).toEqual([pending.statement.sessionId]);
    expect(JSON.stringify(provenRows(h))).not.toContain('PRIVATE');
    // Taken once: a second open of the same attempt finds nothing.
    expect(openTicketSession(step.attemptId, 'totp', 'x')).toBeUndefined();
  });

  it('an enrolled desk names the server’s device id in the statement', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const serverId = '019a0000-0000-7000-8000-0000000000d2';
    h.auth.store.transaction((tx) =>
      writeSyncIdentity(tx, { servers: ['https://s.example'], deviceId: serverId, privateKey: 'x', enrolledAt: 'now' }),
    );
    const step = await beginSignIn(h.auth, { login: admin.login, password: admin.password });
    expect(pendingSession(step.attemptId)?.statement.deviceId).toBe(serverId);
  });

  it('entries the person writes are signed with the session key; unlock after idle lock keeps the same session', async () => {
    h = await openAuthDesk();
    const admin = await firstAdminWithKey(h);
    const session = await signIn(h, admin.login, admin.password, admin.key);
    const keeper = new SessionKeeper(() => 10);
    keeper.signIn(session, h.clock.now());
    keeper.lock();
    keeper.update({ ...session, proven: undefined });
    const kept = keeper.read(h.clock.now());
    expect(kept.state === 'locked' && kept.session.proven?.signer.sessionId).toBe(session.proven?.signer.sessionId);
    const actor = sessionActor(session, h.auth.desk);
    h.auth.store.transaction((tx) =>
      insertSyncedRow({ tx, actor, at: h!.clock.now().toISOString() }, 'staff', {
        login: 'signed.one',
        display_name: 'Подписанный',
        role: 'clerk',
        active: 1,
      }),
    );
    const entry = h.auth.store.transaction((tx) =>
      tx.get<{ session_id: string; signature: string }>(
        'SELECT session_id, signature FROM sync_outbox ORDER BY seq DESC LIMIT 1',
      ),
    );
    expect(entry?.session_id).toBe(session.proven?.signer.sessionId);
    expect(entry?.signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
  });

  it('the setup account never writes synced data on an enrolled desk (sync.proof.setup_writer)', async () => {
    h = await openAuthDesk();
    h.auth.store.transaction((tx) =>
      writeSyncIdentity(tx, {
        servers: ['https://s.example'],
        deviceId: h!.auth.desk.deviceId,
        privateKey: 'x',
        enrolledAt: 'now',
      }),
    );
    const error = await refusal(() =>
      h!.auth.store.transaction((tx) =>
        insertSyncedRow({ tx, actor: h!.auth.desk, at: h!.clock.now().toISOString() }, 'staff', {
          login: 'by.setup',
          display_name: 'От рабочего места',
          role: 'admin',
          active: 1,
        }),
      ),
    );
    expect(error.code).toBe('sync.proof.setup_writer');
  });
});
