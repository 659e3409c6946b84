import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import {
  auditAnchorResponseSchema,
  auditGenesisHash,
  auditHashedText,
  auditPushResponseSchema,
  type AuditChainEvent,
} from '../../../shared/audit/audit-chain';
import { enrolTestDevice, type TestDevice, useTestServer } from '../support/test-server';

const suite = useTestServer();

/** A desk's chain as its audit log would write it: each event hashed over the one before. */
function chain(count: number, options: { from?: AuditChainEvent; action?: string } = {}): AuditChainEvent[] {
  const events: AuditChainEvent[] = [];
  let prev = options.from;
  for (let i = 0; i < count; i++) {
    const body = {
      seq: (prev?.seq ?? 0) + 1,
      id: uuidv7(),
      at: new Date(Date.UTC(2026, 11, 6, 10, 0, (prev?.seq ?? 0) + 1)).toISOString(),
      actorId: 'staff-1',
      actorRole: 'clerk',
      deviceId: 'desk-local-id',
      action: options.action ?? 'patients.read',
      patientId: 'patient-1',
      details: { n: (prev?.seq ?? 0) + 1 },
    };
    const event = { ...body, prevHash: prev?.hash ?? auditGenesisHash, hash: '' };
    event.hash = rehash(event).hash;
    events.push(event);
    prev = event;
  }
  return events;
}

/** The event with its hash recomputed, as an insider holding the desk's key would re-hash it. */
function rehash(event: AuditChainEvent): AuditChainEvent {
  const hash = createHash('sha256').update(event.prevHash).update(auditHashedText(event)).digest('hex');
  return { ...event, hash };
}

const push = (desk: TestDevice, events: AuditChainEvent[]) => desk.send('POST', '/v1/audit/push', { body: { events } });

async function storedSeqs(desk: TestDevice): Promise<number[]> {
  const rows = await suite
    .db('audit_events')
    .where({ device_id: desk.id })
    .orderBy('seq')
    .select<{ seq: unknown }[]>('seq');
  return rows.map((row) => Number(row.seq));
}

describe('audit chains anchored on the server (issue 10, item 3)', () => {
  it('stores a desk’s chain in order, batch after batch, and a retried batch changes nothing', async () => {
    const desk = await enrolTestDevice(suite.db, suite.server, 'Регистратура 1', { staff: false });
    const events = chain(5);
    const first = await push(desk, events.slice(0, 3));
    expect(first.status).toBe(200);
    expect(auditPushResponseSchema.parse(first.json())).toEqual({ head: { seq: 3, hash: events[2]!.hash }, stored: 3 });
    const second = await push(desk, events.slice(1));
    expect(auditPushResponseSchema.parse(second.json())).toEqual({
      head: { seq: 5, hash: events[4]!.hash },
      stored: 2,
    });
    const retried = await push(desk, events);
    expect(auditPushResponseSchema.parse(retried.json())).toEqual({
      head: { seq: 5, hash: events[4]!.hash },
      stored: 0,
    });
    expect(await storedSeqs(desk)).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a gap in a desk’s chain (audit.chain.gap) and stores nothing of the batch', async () => {
    const desk = await enrolTestDevice(suite.db, suite.server, 'Регистратура 2', { staff: false });
    const events = chain(4);
    await push(desk, events.slice(0, 1));
    const reply = await push(desk, [events[2]!, events[3]!]);
    expect(reply.status).toBe(409);
    expect(reply.json()).toMatchObject({ code: 'audit.chain.gap' });
    expect(await storedSeqs(desk)).toEqual([1]);
  });

  it('refuses a fork: an event that does not name the stored head as the one before it (audit.chain.fork)', async () => {
    const desk = await enrolTestDevice(suite.db, suite.server, 'Регистратура 3', { staff: false });
    const events = chain(2);
    await push(desk, events.slice(0, 1));
    const other = chain(1, { from: { ...events[0]!, hash: 'e'.repeat(64) } });
    const reply = await push(desk, other);
    expect(reply.status).toBe(409);
    expect(reply.json()).toMatchObject({ code: 'audit.chain.fork' });
    expect(await storedSeqs(desk)).toEqual([1]);
  });

  it('an event edited and the chain re-hashed after it is refused once the server holds the original', async () => {
    const desk = await enrolTestDevice(suite.db, suite.server, 'Регистратура 4', { staff: false });
    const events = chain(3);
    await push(desk, events);
    const edited = rehash({ ...events[1]!, details: { n: 'nothing to see' } });
    const rewritten = [edited, rehash({ ...events[2]!, prevHash: edited.hash })];
    const reply = await push(desk, [events[0]!, ...rewritten, ...chain(1, { from: rewritten[1] })]);
    expect(reply.status).toBe(409);
    expect(reply.json()).toMatchObject({ code: 'audit.chain.fork', message: { en: expect.stringContaining('#2') } });
    expect(await storedSeqs(desk)).toEqual([1, 2, 3]);
  });

  it('recomputes every hash: an event whose content does not match its hash is refused (audit.chain.bad_hash)', async () => {
    const desk = await enrolTestDevice(suite.db, suite.server, 'Регистратура 5', { staff: false });
    const [event] = chain(1);
    const reply = await push(desk, [{ ...event!, action: 'patients.search' }]);
    expect(reply.status).toBe(422);
    expect(reply.json()).toMatchObject({ code: 'audit.chain.bad_hash' });
    expect(await storedSeqs(desk)).toEqual([]);
  });

  it('answers a desk with its own chain’s head and the hash at a seq it asks for', async () => {
    const desk = await enrolTestDevice(suite.db, suite.server, 'Регистратура 6', { staff: false });
    const events = chain(3);
    expect(auditAnchorResponseSchema.parse((await desk.get('/v1/audit/anchor')).json())).toEqual({
      head: null,
      at: null,
    });
    await push(desk, events);
    const reply = await desk.get('/v1/audit/anchor?seq=2');
    expect(auditAnchorResponseSchema.parse(reply.json())).toEqual({
      head: { seq: 3, hash: events[2]!.hash },
      at: { seq: 2, hash: events[1]!.hash },
    });
  });

  it('keeps events append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const desk = await enrolTestDevice(suite.db, suite.server, 'Регистратура 7', { staff: false });
    await push(desk, chain(2));
    const where = { device_id: desk.id, seq: 1 };
    await expect(suite.db('audit_events').where(where).update({ action: 'x' })).rejects.toThrow(/append-only/);
    await expect(suite.db('audit_events').where(where).delete()).rejects.toThrow(/append-only/);
    await expect(suite.db.raw('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    expect(await storedSeqs(desk)).toEqual([1, 2]);
  });
});
