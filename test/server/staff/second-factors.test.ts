import { createHash, createHmac, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveTicketKey } from '../../../server/auth/ticket-key';
import { totpCodeAt } from '../../../shared/auth/totp';
import { secondFactorPaths } from '../../../shared/sync/second-factor-protocol';
import type { ProvenSession, SessionStatement, TicketFactor } from '../../../shared/sync/session-proof';
import { enrolTestDevice, testBlobKey, testStaff, type TestDevice, useTestServer } from '../support/test-server';

const suite = useTestServer();
let deskA: TestDevice;
let deskB: TestDevice;
const ticketKey = deriveTicketKey(testBlobKey);

beforeAll(async () => {
  deskA = await enrolTestDevice(suite.db, suite.server, 'Регистратура A');
  deskB = await enrolTestDevice(suite.db, suite.server, 'Регистратура B');
}, 60_000);

/** An attempt's statement, as the desk makes it at beginSignIn. */
function statement(staffId: string, device: TestDevice, issuedAt = new Date()): SessionStatement {
  return {
    v: 1,
    sessionId: randomUUID(),
    staffId,
    deviceId: device.id,
    publicKey: randomBytes(32).toString('base64url'),
    issuedAt: issuedAt.toISOString(),
    expiresAt: new Date(issuedAt.getTime() + 60 * 60_000).toISOString(),
  };
}

/** A session proven by an earlier sign-in's ticket. */
function proven(staffId: string, device: TestDevice, factor: TicketFactor = 'totp'): ProvenSession {
  const s = statement(staffId, device);
  return { statement: s, proof: { kind: 'ticket', factor, signature: ticketKey.sign(s, factor) } };
}

const signIn = (device: TestDevice, body: { statement: SessionStatement; factor: TicketFactor; code: string }) =>
  device.send('POST', secondFactorPaths.signIn, { body });

async function renewCodes(staffId: string, device: TestDevice): Promise<string[]> {
  const reply = await device.send('POST', secondFactorPaths.recoveryRenew, {
    body: { session: proven(staffId, device) },
  });
  expect(reply.status).toBe(200);
  return reply.json<{ codes: string[] }>().codes;
}

describe('second factors kept sealed on the server (issue 10, item 2)', () => {
  it('a TOTP secret is not in any synced record or pull, and a code is checked once for every desk', async () => {
    const begun = await deskA.send('POST', secondFactorPaths.totpBegin, {
      body: { session: proven(testStaff.clerk, deskA) },
    });
    expect(begun.status).toBe(200);
    const { secret, uri } = begun.json<{ secret: string; uri: string }>();
    expect(uri).toContain(`secret=${secret}`);
    const now = new Date();
    const confirm = (code: string) =>
      deskA.send('POST', secondFactorPaths.totpConfirm, { body: { session: proven(testStaff.clerk, deskA), code } });
    expect((await confirm('000000')).json()).toMatchObject({ code: 'factor.totp.confirm_wrong' });
    expect((await confirm(totpCodeAt(secret, now))).status).toBe(200);

    const pulled = await deskB.send('GET', '/v1/sync/pull?since=0&limit=1000');
    expect(pulled.status).toBe(200);
    const everything = JSON.stringify(
      await suite.db.raw(
        'SELECT (SELECT json_agg(r) FROM records r)::text AS a, (SELECT json_agg(c) FROM change_log c)::text AS b',
      ),
    );
    for (const text of [pulled.body.toString('utf8'), everything]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain('totp_secret');
    }

    // The next step's code signs the clerk in at desk B; the same code at desk A is refused at once.
    const code = totpCodeAt(secret, new Date(now.getTime() + 30_000));
    const atB = statement(testStaff.clerk, deskB);
    const first = await signIn(deskB, { statement: atB, factor: 'totp', code });
    expect(first.status).toBe(200);
    expect(ticketKey.verify(atB, 'totp', first.json<{ signature: string }>().signature)).toBe(true);
    const again = await signIn(deskA, { statement: statement(testStaff.clerk, deskA), factor: 'totp', code });
    expect(again.status).toBe(403);
    expect(again.json()).toMatchObject({ code: 'factor.totp.reused' });
  });

  it('a recovery code used at desk A is refused at desk B before B pulls', async () => {
    const codes = await renewCodes(testStaff.otherClerk, deskA);
    expect(codes).toHaveLength(10);
    const code = codes[0] as string;
    const atA = await signIn(deskA, {
      statement: statement(testStaff.otherClerk, deskA),
      factor: 'recovery-code',
      code,
    });
    expect(atA.status).toBe(200);
    expect(atA.json()).toMatchObject({ recoveryCodesLeft: 9, mustRenewRecoveryCodes: false });
    const atB = await signIn(deskB, {
      statement: statement(testStaff.otherClerk, deskB),
      factor: 'recovery-code',
      code,
    });
    expect(atB.status).toBe(403);
    expect(atB.json()).toMatchObject({ code: 'factor.recovery.wrong' });
  });

  it('a stored recovery code is not a fast hash: HMAC under a pepper the database does not hold', async () => {
    const codes = await renewCodes(testStaff.admin, deskA);
    const stored = await suite.db('staff_recovery_codes').where({ staff_id: testStaff.admin }).whereNull('revoked_at');
    const normalized = (codes[1] as string).replace('-', '');
    const sha256 = createHash('sha256').update(normalized).digest('hex');
    const pepper = Buffer.from(hkdfSync('sha256', testBlobKey, Buffer.alloc(0), 'medcard recovery code pepper v1', 32));
    const macs = stored.map((row: { code_mac: string }) => row.code_mac);
    expect(macs).not.toContain(sha256);
    expect(macs).toContain(createHmac('sha256', pepper).update(normalized).digest('hex'));
    const dump = JSON.stringify(await suite.db.raw('SELECT * FROM server_meta'));
    expect(dump).not.toContain(pepper.toString('hex'));
    // Renewing retires the older set: its codes no longer sign anyone in.
    await renewCodes(testStaff.admin, deskA);
    const old = await signIn(deskA, {
      statement: statement(testStaff.admin, deskA),
      factor: 'recovery-code',
      code: codes[2] as string,
    });
    expect(old.json()).toMatchObject({ code: 'factor.recovery.wrong' });
  });

  it('brute force on codes is bounded: five wrong codes lock the person at every desk, the right one included', async () => {
    const codes = await renewCodes(testStaff.clerk, deskA);
    // A right code clears the wrong ones counted earlier in this file.
    const cleared = await signIn(deskA, {
      statement: statement(testStaff.clerk, deskA),
      factor: 'recovery-code',
      code: codes[1] as string,
    });
    expect(cleared.status).toBe(200);
    const left: unknown[] = [];
    for (let i = 0; i < 4; i += 1) {
      const desk = i % 2 === 0 ? deskA : deskB;
      const reply = await signIn(desk, {
        statement: statement(testStaff.clerk, desk),
        factor: 'recovery-code',
        code: 'AAAAA-AAAAA',
      });
      expect(reply.status).toBe(403);
      left.push(reply.json<{ message: { en: string } }>().message.en.match(/left: (\d)/)?.[1]);
    }
    expect(left).toEqual(['4', '3', '2', '1']);
    const fifth = await signIn(deskB, { statement: statement(testStaff.clerk, deskB), factor: 'totp', code: '123456' });
    expect(fifth.status).toBe(423);
    expect(fifth.json()).toMatchObject({ code: 'factor.locked' });
    const right = await signIn(deskA, {
      statement: statement(testStaff.clerk, deskA),
      factor: 'recovery-code',
      code: codes[0] as string,
    });
    expect(right.status).toBe(423);
    expect(
      await suite.db('staff_recovery_codes').where({ staff_id: testStaff.clerk }).whereNotNull('used_at'),
    ).toHaveLength(1);
  });

  it('a statement from another desk, an expired one, an unknown person and an unproven session are each refused', async () => {
    const other = await signIn(deskA, { statement: statement(testStaff.admin, deskB), factor: 'totp', code: '123456' });
    expect(other.json()).toMatchObject({ code: 'factor.statement.device' });
    const old = statement(testStaff.admin, deskA, new Date(Date.now() - 2 * 60 * 60_000));
    expect((await signIn(deskA, { statement: old, factor: 'totp', code: '123456' })).json()).toMatchObject({
      code: 'factor.statement.expired',
    });
    const nobody = await signIn(deskA, { statement: statement(randomUUID(), deskA), factor: 'totp', code: '123456' });
    expect(nobody.json()).toMatchObject({ code: 'factor.person.unknown' });
    const forged: ProvenSession = {
      statement: statement(testStaff.admin, deskA),
      proof: { kind: 'ticket', factor: 'totp', signature: randomBytes(64).toString('base64url') },
    };
    const renew = await deskA.send('POST', secondFactorPaths.recoveryRenew, { body: { session: forged } });
    expect(renew.status).toBe(403);
    expect(renew.json()).toMatchObject({ code: 'factor.session.unproven' });
  });
});
