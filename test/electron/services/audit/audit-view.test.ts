import { afterEach, describe, expect, it } from 'vitest';
import { beginSignIn } from '../../../../electron/auth/password-step';
import { openTempDesk, type TempDesk } from '../../../support/temp-desk';
import { rawTx } from '../../../../electron/store/raw-tx';

let desk: TempDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

async function failedSignIns(d: TempDesk, logins: string[], times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    await beginSignIn(d.ctx.auth, { login: logins[i % logins.length] ?? 'x', password: 'wrong' }).catch(
      () => undefined,
    );
  }
}

describe('the auditor’s view of the log (F1, A3)', () => {
  it('shows the burst alert raised by failures over many logins at one desk, newest first, and audits the look', async () => {
    desk = await openTempDesk({ role: 'auditor' });
    await failedSignIns(desk, ['ivanova', 'petrov', 'sidorov'], 10);
    const alerts = await desk.dispatch('audit.events', { view: 'alerts' });
    expect(alerts).toMatchObject({
      ok: true,
      data: { items: [{ action: 'auth.alert.burst', deviceName: 'test-desk' }], more: false },
    });

    const signIns = await desk.dispatch('audit.events', { view: 'sign-in', limit: 4 });
    if (!signIns.ok) throw new Error(signIns.error.code);
    const page = signIns.data as { items: { seq: number; action: string }[]; more: boolean };
    expect(page.items.map((item) => item.action)).toEqual(Array(4).fill('auth.sign_in.failed'));
    expect(page.more).toBe(true);
    expect(page.items[0]!.seq).toBeGreaterThan(page.items[3]!.seq);

    const next = await desk.dispatch('audit.events', { view: 'sign-in', limit: 50, before: page.items[3]!.seq });
    expect(next).toMatchObject({ ok: true, data: { more: false } });
    expect((next.ok ? (next.data as { items: unknown[] }).items : []).length).toBe(6);

    const everything = await desk.dispatch('audit.events', { view: 'all', limit: 1 });
    expect(everything).toMatchObject({
      ok: true,
      data: { items: [{ action: 'audit.read', details: { view: 'sign-in', before: page.items[3]!.seq } }], more: true },
    });
  });

  it('verifies the hash chain on demand and names the first event that was tampered with', async () => {
    desk = await openTempDesk({ role: 'auditor' });
    await failedSignIns(desk, ['ivanova'], 3);
    expect(await desk.dispatch('audit.verify', {})).toMatchObject({
      ok: true,
      data: { ok: true, events: 3, broken: null },
    });
    desk.store.transaction((tx) => {
      rawTx(tx).run('DROP TRIGGER audit_events_no_update');
      rawTx(tx).run(`UPDATE audit_events SET details = '{"reason":"nothing"}' WHERE seq = 2`);
    });
    expect(await desk.dispatch('audit.verify', {})).toMatchObject({
      ok: true,
      data: { ok: false, events: 1, broken: { seq: 2, reason: 'hash' } },
    });
  });
});
