import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditHashedText } from '../../../../shared/audit/audit-chain';
import { appendAudit, chainPoint } from '../../../../electron/store/audit-log';
import { auditChainReport } from '../../../../electron/services/audit/chain-report';
import { rawTx } from '../../../../electron/store/raw-tx';
import { auditServerOf } from '../../../../electron/services/audit/audit-server';
import { pushAuditChain } from '../../../../electron/sync/audit-push';
import { httpTransport } from '../../../../electron/sync/http-transport';
import { privateKeyFromBase64 } from '../../../../electron/sync/request-signer';
import { syncCycle } from '../../../../electron/sync/sync-cycle';
import { readSyncIdentity } from '../../../../electron/sync/sync-settings';
import { enrolDesk } from '../../../../electron/sync/enrol-desk';
import { SyncRefusedError } from '../../../../electron/sync/sync-transport';
import { createClinic } from '../../../../server/clinics/clinics';
import { createEnrolCode } from '../../../../server/devices/enrol-codes';
import { openTempDesk, type TempDesk } from '../../../support/temp-desk';
import { startSyncServer, type SyncServer } from '../../../sync/sync-harness';

let server: SyncServer;
let desks: TempDesk[] = [];
beforeAll(async () => {
  server = await startSyncServer();
}, 60_000);
afterAll(() => server?.stop(), 60_000);
afterEach(async () => {
  for (const desk of desks) await desk.cleanup();
  desks = [];
});

/** An auditor's desk enrolled with the server (in `clinicId`, the default clinic unless given). */
async function enrolledDesk(name: string, clinicId?: string): Promise<TempDesk> {
  const desk = await openTempDesk({ role: 'auditor' });
  desks.push(desk);
  const { code } = await createEnrolCode(server.db, { now: new Date(), ...(clinicId ? { clinicId } : {}) });
  await enrolDesk(desk.store, { servers: [server.url], code, name });
  return desk;
}

/** `count` events of this desk's people: reads of `patientId` at one-minute steps from 10:00. */
function record(desk: TempDesk, count: number, patientId = 'patient-1', action = 'patients.read'): void {
  desk.store.transaction((tx) => {
    for (let i = 0; i < count; i++) {
      appendAudit(tx, desk.ctx.actor, new Date(Date.UTC(2026, 11, 6, 10, i)).toISOString(), { action, patientId });
    }
  });
}

const push = (desk: TempDesk) => pushAuditChain(desk.store, auditServerOf(desk.store));

async function verify(desk: TempDesk) {
  const verdict = await desk.dispatch('audit.verify', {});
  if (!verdict.ok) throw new Error(verdict.error.code);
  return verdict.data as { ok: boolean; triggers: boolean; broken: unknown; anchor: Record<string, unknown> };
}

/** The insider's tools: the database key, so triggers can go and hashes can be made anew. */
function dropTriggers(desk: TempDesk): void {
  desk.store.transaction((tx) => {
    rawTx(tx).run('DROP TRIGGER audit_events_no_update');
    rawTx(tx).run('DROP TRIGGER audit_events_no_delete');
  });
}

function editAndRehash(desk: TempDesk, seq: number, details: Record<string, unknown>): void {
  desk.store.transaction((tx) => {
    rawTx(tx).run('UPDATE audit_events SET details = ? WHERE seq = ?', [JSON.stringify(details), seq]);
    type Row = { seq: number; id: string; at: string; actor_id: string; actor_role: string; device_id: string };
    const rows = tx.all<Row & { action: string; patient_id: string | null; details: string; prev_hash: string }>(
      'SELECT * FROM audit_events WHERE seq >= ? ORDER BY seq',
      [seq],
    );
    let prevHash = rows[0]!.prev_hash;
    for (const row of rows) {
      const text = auditHashedText({
        seq: row.seq,
        id: row.id,
        at: row.at,
        actorId: row.actor_id,
        actorRole: row.actor_role,
        deviceId: row.device_id,
        action: row.action,
        patientId: row.patient_id,
        details: JSON.parse(row.details) as Record<string, unknown>,
      });
      const hash = createHash('sha256').update(prevHash).update(text).digest('hex');
      rawTx(tx).run('UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?', [prevHash, hash, row.seq]);
      prevHash = hash;
    }
  });
}

describe('the audit anchored off the desk (issue 10, item 3)', () => {
  it('the sync step sends the chain in order and batches; a push whose answer was lost stores nothing twice', async () => {
    const desk = await enrolledDesk('Регистратура 1');
    record(desk, 620);
    expect(await push(desk)).toBe(620);
    record(desk, 3);
    expect(await push(desk)).toBe(3);
    // The answer lost: the desk's cursor back where it was, the same events sent again.
    desk.store.transaction((tx) => rawTx(tx).run("DELETE FROM settings WHERE key = 'audit.anchor'"));
    expect(await push(desk)).toBe(0);
    expect(await verify(desk)).toMatchObject({
      ok: true,
      anchor: { status: 'anchored', serverSeq: 623, localSeq: 623 },
    });
  });

  it('audit events reach the server with the sync cycle, after the data, up to the desk’s head', async () => {
    const desk = await enrolledDesk('Регистратура 0');
    record(desk, 4);
    const identity = desk.store.transaction((tx) => readSyncIdentity(tx))!;
    await syncCycle(
      desk.store,
      httpTransport({ ...identity, privateKey: privateKeyFromBase64(identity.privateKey) }),
      desk.ctx.actor,
      () => undefined,
    );
    const head = desk.store.read((tx) => chainPoint(tx, 'head'));
    expect(head?.seq).toBe(4);
    expect((await auditServerOf(desk.store)!.anchor()).head).toEqual(head);
  });

  it('the tail of the log cut after the push (triggers dropped first): verify finds it, though the local chain holds', async () => {
    const desk = await enrolledDesk('Регистратура 2');
    record(desk, 10);
    await push(desk);
    dropTriggers(desk);
    desk.store.transaction((tx) => rawTx(tx).run('DELETE FROM audit_events WHERE seq > 6'));
    const verdict = await verify(desk);
    expect(verdict).toMatchObject({
      ok: false,
      broken: null,
      anchor: { status: 'tail_cut', serverSeq: 10, localSeq: 6 },
    });
    // `medcard verify` says the same, where it said "ok" before.
    const report = await auditChainReport(desk.store);
    const head = desk.store.read((tx) => chainPoint(tx, 'head'));
    expect(report.ok).toBe(false);
    // Seven: the six left and the check the auditor just made.
    expect(report.lines).toContain(`Audit chain: ok, 7 events, head ${head?.hash}`);
    expect(report.lines).toContain(
      "Server's copy: DIFFERS — the server holds 10 events, this desk 7 (the tail was cut)",
    );
  });

  it('an event edited and the chain re-hashed after it: verify names the first event that differs from the server’s', async () => {
    const desk = await enrolledDesk('Регистратура 3');
    record(desk, 12);
    await push(desk);
    dropTriggers(desk);
    editAndRehash(desk, 5, { note: 'nothing happened' });
    const verdict = await verify(desk);
    expect(verdict).toMatchObject({
      ok: false,
      broken: null,
      anchor: { status: 'rewritten', serverSeq: 12, firstDifferent: 5 },
    });
    // And the rewritten chain cannot replace the anchored one: its next push is refused as a fork.
    record(desk, 1);
    desk.store.transaction((tx) => rawTx(tx).run("DELETE FROM settings WHERE key = 'audit.anchor'"));
    const refused = await push(desk).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SyncRefusedError);
    expect((refused as SyncRefusedError).code).toBe('audit.chain.fork');
  });

  it('the triggers dropped and nothing else touched yet: verify says so', async () => {
    const desk = await enrolledDesk('Регистратура 4');
    record(desk, 3);
    await push(desk);
    dropTriggers(desk);
    expect(await verify(desk)).toMatchObject({ ok: false, triggers: false, anchor: { status: 'anchored' } });
  });

  it('the auditor sees every desk of the clinic, filtered by patient, person, desk, action and time — and no other clinic’s', async () => {
    const clinic = (await createClinic(server.db, 'Первая', new Date())).id;
    const first = await enrolledDesk('Регистратура А', clinic);
    const second = await enrolledDesk('Регистратура Б', clinic);
    const elsewhere = await enrolledDesk('Другая клиника', (await createClinic(server.db, 'Вторая', new Date())).id);
    record(first, 3, 'patient-a');
    record(second, 2, 'patient-b', 'patients.search');
    record(elsewhere, 4, 'patient-a');
    for (const desk of [first, second, elsewhere]) await push(desk);

    const page = async (desk: TempDesk, input: Record<string, unknown>) => {
      const result = await desk.dispatch('audit.events', { view: 'all', limit: 50, ...input });
      if (!result.ok) throw new Error(result.error.code);
      return result.data as {
        items: { deviceName: string; actorName: string; patientId: string; action: string }[];
        source: string;
      };
    };
    const all = await page(first, { action: 'patients.' });
    expect(all.source).toBe('clinic');
    expect(all.items.map((item) => item.deviceName).sort()).toEqual([
      ...Array(3).fill('Регистратура А'),
      ...Array(2).fill('Регистратура Б'),
    ]);
    expect((await page(first, { patientId: 'patient-a' })).items).toHaveLength(3);
    expect((await page(first, { device: 'Б' })).items.map((item) => item.action)).toEqual(
      Array(2).fill('patients.search'),
    );
    expect((await page(first, { action: 'patients.search' })).items).toHaveLength(2);
    expect((await page(first, { actor: first.ctx.actor.staffId })).items).toHaveLength(3);
    // A person is found by name too, as the clinic's synced staff rows name them.
    await server.db('records').insert({
      table_name: 'staff',
      id: second.ctx.actor.staffId,
      clinic_id: clinic,
      version: 0,
      data: { display_name: 'Анна Сергеевна Ершова' },
      field_versions: {},
      updated_at: new Date(),
    });
    const byName = await page(first, { actor: 'ершова' });
    expect(byName.items.map((item) => [item.actorName, item.deviceName])).toEqual(
      Array(2).fill(['Анна Сергеевна Ершова', 'Регистратура Б']),
    );
    expect((await page(first, { actor: 'nobody', action: 'patients.' })).items).toHaveLength(0);
    const window = { from: '2026-12-06T10:01:00.000Z', to: '2026-12-06T10:01:59.000Z', action: 'patients.' };
    expect((await page(first, window)).items).toHaveLength(2);
    expect((await page(elsewhere, { action: 'patients.' })).items.map((item) => item.deviceName)).toEqual(
      Array(4).fill('Другая клиника'),
    );
  });

  it('pages the clinic’s audit by its cursor', async () => {
    const desk = await enrolledDesk('Регистратура 5');
    record(desk, 5, 'patient-paged');
    await push(desk);
    const first = await desk.dispatch('audit.events', { view: 'all', patientId: 'patient-paged', limit: 3 });
    if (!first.ok) throw new Error(first.error.code);
    const data = first.data as { items: { cursor: number; seq: number }[]; more: boolean };
    expect(data.items.map((item) => item.seq)).toEqual([5, 4, 3]);
    expect(data.more).toBe(true);
    const next = await desk.dispatch('audit.events', {
      view: 'all',
      patientId: 'patient-paged',
      limit: 3,
      before: data.items.at(-1)!.cursor,
    });
    expect(next).toMatchObject({ ok: true, data: { items: [{ seq: 2 }, { seq: 1 }], more: false } });
  });

  it('offline, the auditor sees this desk’s own events with a note saying so', async () => {
    const desk = await enrolledDesk('Регистратура 6');
    record(desk, 2, 'patient-offline');
    await server.kill();
    try {
      const result = await desk.dispatch('audit.events', { view: 'all', patientId: 'patient-offline' });
      expect(result).toMatchObject({
        ok: true,
        data: { source: 'desk', note: 'audit.server.unreachable', items: [{ seq: 2 }, { seq: 1 }] },
      });
      expect(await verify(desk)).toMatchObject({ ok: true, anchor: { status: 'unreachable' } });
    } finally {
      await server.restart();
    }
  });

  it('a desk with no server shows its own events and says it is not connected', async () => {
    const desk = await openTempDesk({ role: 'auditor' });
    desks.push(desk);
    record(desk, 1);
    expect(await desk.dispatch('audit.events', { view: 'all' })).toMatchObject({
      ok: true,
      data: { source: 'desk', note: 'audit.server.not_enrolled', items: [{ action: 'patients.read' }] },
    });
    expect(await verify(desk)).toMatchObject({ ok: true, anchor: { status: 'not_enrolled', localSeq: 2 } });
  });
});
