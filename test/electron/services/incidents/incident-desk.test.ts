import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../../electron/core/context';
import { createDispatcher } from '../../../../electron/core/dispatcher';
import type { CallInput, CallName, CallOutput } from '../../../../shared/api/contract';
import { openTempDesk, type TempDesk } from '../../../support/temp-desk';

let desk: TempDesk;
let asClerk: ReturnType<typeof createDispatcher>;
let asAdmin: ReturnType<typeof createDispatcher>;
const now = () => desk.ctx.clock.now();
const hoursAgo = (hours: number) => new Date(now().getTime() - hours * 3_600_000).toISOString();

beforeEach(async () => {
  desk = await openTempDesk();
  const silent = { internal: () => undefined };
  const ctxAs = (role: 'clerk' | 'admin'): ServiceContext => ({ ...desk.ctx, actor: { ...desk.ctx.actor, role } });
  asClerk = createDispatcher(() => ctxAs('clerk'), silent);
  asAdmin = createDispatcher(() => ctxAs('admin'), silent);
});
afterEach(() => desk.cleanup());

async function ok<N extends CallName>(
  dispatch: ReturnType<typeof createDispatcher>,
  name: N,
  input: CallInput<N>,
): Promise<CallOutput<N>> {
  const result = await dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
  return result.data as CallOutput<N>;
}

async function refused<N extends CallName>(dispatch: ReturnType<typeof createDispatcher>, name: N, input: unknown) {
  const result = await dispatch(name, input);
  return result.ok ? null : result.error.code;
}

const leak = () => ({
  kind: 'personal_data_leak' as const,
  severity: 'high' as const,
  title: 'Выписка ушла не тому пациенту',
  description: 'Письмо отправлено на чужой адрес',
  detectedAt: hoursAgo(2),
});

describe('the incident log at the desk (issue 15, §6.2)', () => {
  it('a clerk reports a leak; both 152-ФЗ deadlines run from detection; it waits in the queue and the rail', async () => {
    const opened = await ok(asClerk, 'incidents.open', leak());
    expect(opened.incident).toMatchObject({ status: 'open', source: 'staff', handler: null });
    expect(opened.incident.number).toMatch(/^И-2026-/);
    expect(opened.incident.leak).toEqual({
      notifyBy: new Date(Date.parse(leak().detectedAt) + 24 * 3_600_000).toISOString(),
      resultsBy: new Date(Date.parse(leak().detectedAt) + 72 * 3_600_000).toISOString(),
      notifiedAt: null,
      resultsAt: null,
    });
    expect(opened.entries.map((entry) => entry.kind)).toEqual(['opened']);
    const list = await ok(asClerk, 'incidents.list', { filter: 'open', limit: 50 });
    expect(list.counts).toEqual({ open: 1, handling: 0, leaks: 1 });
    expect(await ok(asClerk, 'incidents.count', {})).toEqual({ waiting: 1, overdue: 0 });
    // Written for the server: the row and its first timeline entry in the outbox.
    expect(desk.count('sync_outbox', "table_name IN ('incidents', 'incident_entries')")).toBe(2);
  });

  it('a clerk may report but not handle', async () => {
    const { incident } = await ok(asClerk, 'incidents.open', leak());
    expect(await refused(asClerk, 'incidents.take', { id: incident.id })).toBe('forbidden');
    expect(await refused(asClerk, 'incidents.note', { id: incident.id, note: 'x' })).toBe('forbidden');
  });

  it('the admin takes, notes, records the notices, resolves and reviews; the timeline tells each step', async () => {
    const { incident } = await ok(asClerk, 'incidents.open', leak());
    const id = incident.id;
    await ok(asAdmin, 'incidents.take', { id });
    await ok(asAdmin, 'incidents.note', { id, note: 'Адресат подтвердил удаление' });
    const notified = await ok(asAdmin, 'incidents.recordNotice', { id, notice: 'notified', at: hoursAgo(1) });
    expect(notified.incident.leak?.notifiedAt).toBe(hoursAgo(1));
    await ok(asAdmin, 'incidents.recordNotice', { id, notice: 'results', at: now().toISOString() });
    await ok(asAdmin, 'incidents.setStatus', { id, status: 'resolved', resolution: 'Письмо отозвано' });
    const reviewed = await ok(asAdmin, 'incidents.review', { id, review: 'Адрес сверяется при отправке' });
    expect(reviewed.incident).toMatchObject({ status: 'reviewed', resolution: 'Письмо отозвано' });
    expect(reviewed.entries.map((entry) => entry.kind)).toEqual([
      'opened',
      'handler',
      'note',
      'notice',
      'notice',
      'status',
      'review',
    ]);
    expect(await ok(asClerk, 'incidents.count', {})).toEqual({ waiting: 0, overdue: 0 });
  });

  it('refuses what the server would: future times, notices out of order, review before resolution, dropping a leak', async () => {
    expect(await refused(asClerk, 'incidents.open', { ...leak(), detectedAt: hoursAgo(-1) })).toBe(
      'incident.detected_in_future',
    );
    const { incident } = await ok(asClerk, 'incidents.open', leak());
    const id = incident.id;
    const before = desk.count('sync_outbox');
    expect(await refused(asAdmin, 'incidents.setStatus', { id, status: 'resolved', resolution: 'x' })).toBe(
      'incident.transition',
    );
    await ok(asAdmin, 'incidents.take', { id });
    const afterTake = desk.count('sync_outbox');
    expect(afterTake).toBeGreaterThan(before);
    expect(await refused(asAdmin, 'incidents.recordNotice', { id, notice: 'notified', at: hoursAgo(-1) })).toBe(
      'incident.notice_in_future',
    );
    expect(await refused(asAdmin, 'incidents.recordNotice', { id, notice: 'notified', at: hoursAgo(3) })).toBe(
      'incident.notice_before_detected',
    );
    expect(await refused(asAdmin, 'incidents.recordNotice', { id, notice: 'results', at: hoursAgo(1) })).toBe(
      'incident.results_before_notice',
    );
    expect(await refused(asAdmin, 'incidents.classify', { id, kind: 'security', severity: 'high' })).toBe(
      'incident.leak_kind_fixed',
    );
    expect(await refused(asAdmin, 'incidents.review', { id, review: 'рано' })).toBe('incident.review_before_resolved');
    expect(await refused(asAdmin, 'incidents.setStatus', { id, status: 'resolved', resolution: '' })).toBe(
      'incident.resolution_required',
    );
    expect(await refused(asAdmin, 'incidents.get', { id: 'nope' })).toBe('incident.not_found');
    // Nothing refused was written.
    expect(desk.count('sync_outbox')).toBe(afterTake);
  });

  it('counts a leak whose 24-hour clock ran out as overdue on the rail', async () => {
    await ok(asClerk, 'incidents.open', { ...leak(), detectedAt: hoursAgo(30) });
    await ok(asClerk, 'incidents.open', { ...leak(), kind: 'outage', detectedAt: hoursAgo(30) });
    expect(await ok(asClerk, 'incidents.count', {})).toEqual({ waiting: 2, overdue: 1 });
  });
});
