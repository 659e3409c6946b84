import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordRequestDetail, RecordRequestItem } from '../../../../shared/api/record-request-calls';
import { createDispatcher } from '../../../../electron/core/dispatcher';
import { auditOf, call, openRequestDesk, pulledRequest, type RequestDesk } from './request-desk';

let desk: RequestDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

type Queue = { items: RecordRequestItem[]; counts: { open: number; inWork: number; overdue: number } };

/**
 * Around the desk's today (Wed 25.11.2026, Moscow): two overdue, one due today, one due next week,
 * one done lately, one done long ago, and one whose patient's card has not reached this desk.
 */
function fill(d: RequestDesk): void {
  pulledRequest(d, { number: 'З-2026-000004', due_on: '2026-12-02' });
  pulledRequest(d, { number: 'З-2026-000003', due_on: '2026-11-25' });
  pulledRequest(d, {
    number: 'З-2026-000002',
    due_on: '2026-11-24',
    status: 'in_work',
    taken_at: '2026-11-20T09:00:00Z',
  });
  pulledRequest(d, {
    number: 'З-2026-000001',
    due_on: '2026-11-20',
    escalated_at: '2026-11-21T00:05:00.000Z',
  });
  pulledRequest(d, {
    number: 'З-2026-000005',
    due_on: '2026-11-18',
    status: 'done',
    fulfilled_at: '2026-11-17T09:00:00.000Z',
  });
  pulledRequest(d, {
    number: 'З-2026-000006',
    due_on: '2026-10-01',
    status: 'done',
    fulfilled_at: '2026-09-30T09:00:00Z',
  });
  pulledRequest(d, { number: 'З-2026-000007', due_on: '2026-11-26', patient_id: randomUUID() });
}

describe('the record requests queue (F3)', () => {
  it('lists the overdue first, then by due date, with the working days left and the escalated marked', async () => {
    desk = await openRequestDesk();
    fill(desk);
    const answer = await call<Queue>(desk, 'recordRequests.queue', {});
    expect(answer.ok).toBe(true);
    const rows = answer.data!.items.map((item) => [
      item.number,
      item.overdue,
      item.daysLeft,
      item.escalatedAt !== null,
    ]);
    expect(rows).toEqual([
      ['З-2026-000001', true, -3, true],
      ['З-2026-000002', true, -1, false],
      ['З-2026-000005', false, null, false],
      ['З-2026-000003', false, 0, false],
      ['З-2026-000004', false, 5, false],
    ]);
    expect(answer.data!.items[0]).toMatchObject({
      patient: { surname: 'Семёнова' },
      purpose: 'Консультация в другой клинике',
      materials: { sections: ['all'] },
      formats: ['pdf'],
      status: 'open',
    });
    expect(answer.data!.counts).toEqual({ open: 4, inWork: 1, overdue: 2 });
    expect(await call(desk, 'recordRequests.count', {})).toMatchObject({ data: { waiting: 5, overdue: 2 } });
  });

  it('filters: overdue only, escalated only, a status, a part of the number, the start of the surname', async () => {
    desk = await openRequestDesk();
    fill(desk);
    const numbers = async (filter: unknown) =>
      (await call<Queue>(desk!, 'recordRequests.queue', { filter })).data!.items.map((item) => item.number);
    expect(await numbers({ overdueOnly: true })).toEqual(['З-2026-000001', 'З-2026-000002']);
    expect(await numbers({ escalatedOnly: true })).toEqual(['З-2026-000001']);
    expect(await numbers({ statuses: ['in_work'] })).toEqual(['З-2026-000002']);
    expect(await numbers({ statuses: ['done'] })).toEqual(['З-2026-000006', 'З-2026-000005']);
    expect(await numbers({ search: '000004' })).toEqual(['З-2026-000004']);
    expect(await numbers({ search: '%' })).toEqual([]);
    expect(await numbers({ search: 'сЕмЁн', overdueOnly: true })).toEqual(['З-2026-000001', 'З-2026-000002']);
    expect(await numbers({ search: 'Иванов' })).toEqual([]);
  });

  it('audits the queue with the patients it showed and each request read with its patient', async () => {
    desk = await openRequestDesk();
    const id = pulledRequest(desk, { number: 'З-2026-000001', due_on: '2026-11-27' });
    await call(desk, 'recordRequests.queue', {});
    const detail = await call<RecordRequestDetail>(desk, 'recordRequests.get', { id });
    expect(detail.data).toMatchObject({ request: { number: 'З-2026-000001' }, files: [], missing: ['pdf'] });
    const reads = auditOf(desk, 'record_requests.read');
    expect(reads).toHaveLength(2);
    expect(JSON.parse(reads[0]!.details)).toMatchObject({ patients: [desk.patientId] });
    expect(reads[1]!.patient_id).toBe(desk.patientId);
  });

  it('a request of a patient this desk does not know is records.request.not_found, and not in the queue', async () => {
    desk = await openRequestDesk();
    const id = pulledRequest(desk, { number: 'З-2026-000009', due_on: '2026-11-27', patient_id: randomUUID() });
    expect((await call<Queue>(desk, 'recordRequests.queue', {})).data!.items).toEqual([]);
    for (const name of ['recordRequests.get', 'recordRequests.take', 'recordRequests.finish'])
      expect((await call(desk, name, { id })).error, name).toMatchObject({ code: 'records.request.not_found' });
    expect((await call(desk, 'recordRequests.get', { id: 'no-such-request' })).error?.code).toBe(
      'records.request.not_found',
    );
  });

  it('refuses an auditor and an admin every call, writing nothing', async () => {
    desk = await openRequestDesk();
    const id = pulledRequest(desk, { number: 'З-2026-000001', due_on: '2026-11-27' });
    for (const role of ['auditor', 'admin'] as const) {
      const other = { ...desk.ctx, actor: { ...desk.ctx.actor, role } };
      const dispatch = createDispatcher(() => other, { internal: () => undefined });
      const before = desk.count('audit_events');
      for (const [name, input] of [
        ['recordRequests.queue', {}],
        ['recordRequests.get', { id }],
        ['recordRequests.take', { id }],
        ['recordRequests.makeFile', { id, format: 'pdf' }],
        ['recordRequests.finish', { id }],
      ] as const)
        expect(await dispatch(name, input), `${role} ${name}`).toMatchObject({
          ok: false,
          error: { code: 'forbidden' },
        });
      expect(desk.count('audit_events')).toBe(before);
      expect(desk.count('record_requests', "status = 'open'")).toBe(1);
    }
  });
});
