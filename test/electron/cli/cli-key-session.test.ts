import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingStaff, actingStaffWithProof } from '../../../electron/cli/acting-staff';
import { HardwareKeyError } from '../../../electron/auth/hardware-key-port';
import { writeSyncIdentity } from '../../../electron/sync/sync-settings';
import { insertSyncedRow } from '../../../electron/store/record-door';
import { AppError } from '../../../shared/errors/app-error';
import { entryText } from '../../../shared/sync/session-proof';
import { createPublicKey, verify } from 'node:crypto';
import { SoftwareAuthenticator } from '../../support/software-authenticator';
import { relyingParty, sessionActor } from '../../../electron/auth/auth-context';
import { setupFirstAdmin } from '../../../electron/auth/first-admin';
import { authDeskOver, enrolKey, movableClock, newLogin, strongPassword, type AuthDesk } from '../auth/auth-harness';
import { fixedClock, openTempDesk, type TempDesk } from '../../support/temp-desk';

// The CLI's `--as` on a desk enrolled with a server: the person's key signs a session statement.
let desk: TempDesk;
let h: AuthDesk;
let login: string;
let key: SoftwareAuthenticator;
const serverDeviceId = '019a0000-0000-7000-8000-0000000000d1';

beforeAll(async () => {
  desk = await openTempDesk();
  // The relying party the Electron desk registers keys under, which the CLI's touch uses too.
  const over = authDeskOver(desk, movableClock(fixedClock.now()));
  h = { ...over, auth: { ...over.auth, rp: relyingParty({ rpId: 'desk', origin: 'app://desk' }) } };
  login = newLogin('admin');
  const { session } = await setupFirstAdmin(h.auth, { login, displayName: 'Админ', password: strongPassword() });
  key = new SoftwareAuthenticator({ origin: 'app://desk' });
  await enrolKey(h, sessionActor(session, h.auth.desk), session.staffId, key, 'Основной');
  desk.store.transaction((tx) =>
    writeSyncIdentity(tx, {
      servers: ['https://sync.example'],
      deviceId: serverDeviceId,
      privateKey: 'unused',
      enrolledAt: new Date().toISOString(),
    }),
  );
}, 60_000);
afterAll(async () => {
  await desk?.cleanup();
});

async function refusalOf(work: Promise<unknown>): Promise<string> {
  const error: unknown = await work.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  return error instanceof AppError ? error.code : String(error);
}

describe('medcard … --as LOGIN on an enrolled desk', () => {
  it('--as without a proof is refused on an enrolled desk (the review’s attack: acting as anyone)', () => {
    expect(() => actingStaff(desk.ctx, login, 'settings.manage')).toThrow('sync.proof.cli_needs_proof');
  });

  it('a key that does not answer leaves the command unproven and refused', async () => {
    const silent = {
      get: () => Promise.reject(new HardwareKeyError('NotAllowedError', 'not touched')),
    };
    expect(await refusalOf(actingStaffWithProof(desk.ctx, login, 'settings.manage', silent))).toBe(
      'sync.proof.cli_needs_proof',
    );
  });

  it('another person’s key is refused', async () => {
    const stranger = new SoftwareAuthenticator({ origin: 'app://desk' });
    expect(await refusalOf(actingStaffWithProof(desk.ctx, login, 'settings.manage', stranger))).toBe(
      'sync.proof.cli_needs_proof',
    );
  });

  it('with a touch of the person’s key, what the command writes is signed in a session proven by that key', async () => {
    const ctx = await actingStaffWithProof(desk.ctx, login, 'settings.manage', key);
    expect(ctx.actor.signer).toBeDefined();
    desk.store.transaction((tx) =>
      insertSyncedRow({ tx, actor: ctx.actor, at: ctx.clock.now().toISOString() }, 'patients', {
        surname: 'Иванова',
        name: 'Анна',
        birth_date: '1980-01-01',
        sex: 'F',
        surname_fold: 'иванова',
        name_fold: 'анна',
      }),
    );
    const entry = desk.store.transaction((tx) =>
      tx.get<Record<string, string | number>>(
        "SELECT * FROM sync_outbox WHERE table_name = 'patients' ORDER BY seq DESC LIMIT 1",
      ),
    )!;
    const stored = desk.store.transaction((tx) =>
      tx.get<{ statement: string; proof: string }>(
        'SELECT statement, proof FROM proven_sessions WHERE session_id = ?',
        [entry.session_id],
      ),
    )!;
    const statement = JSON.parse(stored.statement) as { deviceId: string; staffId: string; publicKey: string };
    expect(statement.deviceId).toBe(serverDeviceId);
    expect(statement.staffId).toBe(ctx.actor.staffId);
    expect(JSON.parse(stored.proof)).toMatchObject({ kind: 'webauthn' });
    const text = entryText({
      mutationId: String(entry.mutation_id),
      table: 'patients',
      rowId: String(entry.row_id),
      baseVersion: Number(entry.base_version),
      changed: JSON.parse(String(entry.changed)) as Record<string, unknown>,
      actorId: String(entry.actor_id),
      at: String(entry.created_at),
      sessionId: String(entry.session_id),
    });
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: statement.publicKey }, format: 'jwk' });
    expect(verify(null, Buffer.from(text), publicKey, Buffer.from(String(entry.signature), 'base64url'))).toBe(true);
  });
});
