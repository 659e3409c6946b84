import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditServerOf } from '../../../../electron/services/audit/audit-server';
import { appendAudit } from '../../../../electron/store/audit-log';
import { enrolDesk } from '../../../../electron/sync/enrol-desk';
import { pushAuditChain } from '../../../../electron/sync/audit-push';
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

async function desk(name?: string): Promise<TempDesk> {
  const opened = await openTempDesk();
  desks.push(opened);
  if (name) {
    const { code } = await createEnrolCode(server.db, { now: new Date() });
    await enrolDesk(opened.store, { servers: [server.url], code, name });
  }
  return opened;
}

/** This desk's people at work on the card: `actions` one minute apart from 10:00. */
function record(at: TempDesk, patientId: string, actions: string[], details: Record<string, unknown> = {}): void {
  at.store.transaction((tx) => {
    actions.forEach((action, i) =>
      appendAudit(tx, at.ctx.actor, new Date(Date.UTC(2026, 11, 6, 10, i)).toISOString(), {
        action,
        patientId,
        details,
      }),
    );
  });
}

type Answer = {
  ok: true;
  data: {
    lines: { kind: string; count: number; deviceName: string; emergency: boolean; action: string }[];
    cursor: number | null;
    hidden: { own: number; listed: number };
    source: 'clinic' | 'desk';
    note: string | null;
  };
};
const accessLog = async (at: TempDesk, input: Record<string, unknown>) =>
  (await at.dispatch('patients.accessLog', input)) as Answer;

describe('«Журнал доступа» at the desk (F2)', () => {
  it('a desk with no server shows its own events by the same rules, with the notice, and audits the reading', async () => {
    const alone = await desk();
    const patientId = '019a0000-0000-7000-8000-0000000000a1';
    record(alone, patientId, ['patients.search', 'patients.read', 'documents.read', 'patients.contacts.update']);
    const log = await accessLog(alone, { id: patientId });
    expect(log.data).toMatchObject({ source: 'desk', note: 'access_log.unavailable', hidden: { listed: 1 } });
    expect(log.data.lines.map((line) => [line.kind, line.count])).toEqual([
      ['changed', 1],
      ['opened', 2],
    ]);
    const again = await accessLog(alone, { id: patientId, showListed: true });
    expect(again.data.lines.map((line) => line.kind)).toEqual(['read', 'changed', 'opened', 'listed']);
    expect(again.data.lines[0]).toMatchObject({ action: 'patients.access_log.read' });
  });

  it('an enrolled desk shows the clinic-wide log from its server, other desks’ access too', async () => {
    const reception = await desk('Регистратура 1');
    const surgery = await desk('Кабинет 12');
    const patientId = '019a0000-0000-7000-8000-0000000000a2';
    record(reception, patientId, ['patients.read', 'chart.history']);
    record(surgery, patientId, ['chart.emergency.started', 'chart.entry'], { emergencyAccessId: 'grant-1' });
    expect(await pushAuditChain(reception.store, auditServerOf(reception.store))).toBeGreaterThan(0);
    expect(await pushAuditChain(surgery.store, auditServerOf(surgery.store))).toBeGreaterThan(0);
    const log = await accessLog(reception, { id: patientId });
    expect(log.data).toMatchObject({ source: 'clinic', note: null });
    expect(log.data.lines.map((line) => [line.kind, line.deviceName, line.emergency])).toEqual([
      ['read', 'Кабинет 12', true],
      ['emergency', 'Кабинет 12', true],
      ['opened', 'Регистратура 1', false],
    ]);
  });

  it('shows the card opened here at once, before the sync sends this desk’s chain', async () => {
    const reception = await desk('Регистратура 3');
    const patientId = '019a0000-0000-7000-8000-0000000000a4';
    record(reception, patientId, ['patients.contacts.update']);
    await pushAuditChain(reception.store, auditServerOf(reception.store));
    await reception.dispatch('patients.get', { id: patientId });
    const log = await accessLog(reception, { id: patientId });
    expect(log.data.source).toBe('clinic');
    expect(log.data.lines.map((line) => [line.kind, line.action])).toEqual([
      ['opened', 'patients.read'],
      ['changed', 'patients.contacts.update'],
    ]);
  });

  it('falls back to the desk’s own events with the notice when the server is down', async () => {
    const reception = await desk('Регистратура 2');
    const patientId = '019a0000-0000-7000-8000-0000000000a3';
    record(reception, patientId, ['patients.read']);
    await server.kill();
    try {
      const log = await accessLog(reception, { id: patientId });
      expect(log.data).toMatchObject({ source: 'desk', note: 'access_log.unavailable' });
      expect(log.data.lines).toEqual([expect.objectContaining({ kind: 'opened', action: 'patients.read' })]);
      // The next page of the clinic's log cannot be made of this desk's: refused with the code.
      const next = await reception.dispatch('patients.accessLog', { id: patientId, cursor: 5, source: 'clinic' });
      expect(next).toMatchObject({ ok: false, error: { code: 'access_log.unavailable' } });
    } finally {
      await server.restart();
    }
  });
});
