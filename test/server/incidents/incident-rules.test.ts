import { beforeAll, describe, expect, it } from 'vitest';
import { enrolTestDevice, testStaff, useTestServer, type TestDevice } from '../support/test-server';
import {
  entry,
  hoursAgo,
  incidentData,
  incidentStep,
  notice,
  openedIncident,
  push,
  resolve,
  review,
  take,
} from './incident-setup';

const opened = useTestServer();
const db = () => opened.db;
let desk: TestDevice;

beforeAll(async () => {
  desk = await enrolTestDevice(db(), opened.server);
}, 120_000);

/** A leak reported by the clerk and pushed; its id. */
async function reported(changed = {}): Promise<string> {
  const made = openedIncident(desk, changed);
  expect(await push(desk, made, entry(desk, made.rowId, { kind: 'opened', note: null }, testStaff.clerk))).toEqual([
    'applied',
    'applied',
  ]);
  return made.rowId;
}

const step = async (id: string, changed: Record<string, string | null>, actor?: string) =>
  push(desk, await incidentStep(db(), desk, id, changed, actor));

describe('the server judges the incident log (issue 15, §6.2)', () => {
  it('a clerk reports a leak; the admin takes it, records both notices, resolves and reviews it', async () => {
    const id = await reported();
    expect(await step(id, take())).toEqual(['applied']);
    expect(await step(id, notice('notified', hoursAgo(1)))).toEqual(['applied']);
    expect(await push(desk, entry(desk, id, { kind: 'notice', to_value: 'notified' }))).toEqual(['applied']);
    expect(await step(id, notice('results', new Date().toISOString()))).toEqual(['applied']);
    expect(await step(id, resolve())).toEqual(['applied']);
    expect(await step(id, review())).toEqual(['applied']);
    const { data } = await incidentData(db(), id);
    expect(data).toMatchObject({ status: 'reviewed', handler_id: testStaff.admin, notified_by: testStaff.admin });
    expect(await step(id, { severity: 'low' })).toEqual(['incident.reviewed']);
  });

  it('refuses an opening that is not plain: handled already, another’s name, in the future, an alert’s', async () => {
    const refusedOpening = async (changed: Record<string, string | null>) => push(desk, openedIncident(desk, changed));
    expect(await refusedOpening({ handler_id: testStaff.admin })).toEqual(['incident.not_creatable']);
    expect(await refusedOpening({ opened_by: testStaff.admin })).toEqual(['incident.actor_mismatch']);
    expect(await refusedOpening({ detected_at: hoursAgo(-2) })).toEqual(['incident.detected_in_future']);
    expect(await refusedOpening({ source: 'alert', alert_key: 'disk' })).toEqual(['incident.not_creatable']);
    expect(await refusedOpening({ status: 'resolved' })).toEqual(['incident.transition']);
    expect(await refusedOpening({ title: '  ' })).toEqual(['incident.title_required']);
    expect(await refusedOpening({ kind: 'gossip' })).toEqual(['incident.kind_unknown']);
  });

  it('only a manager handles: a clerk’s take, note and resolution are refused', async () => {
    const id = await reported();
    expect(await step(id, take(testStaff.clerk), testStaff.clerk)).toEqual(['incident.manage_forbidden']);
    expect(await push(desk, entry(desk, id, {}, testStaff.clerk))).toEqual(['sync.actor_forbidden']);
    expect(await step(id, { status: 'handling', handler_id: testStaff.clerk })).toEqual(['incident.actor_mismatch']);
  });

  it('keeps the order of steps: no resolution without a handler, no review before resolution', async () => {
    const id = await reported({ kind: 'outage' });
    expect(await step(id, resolve())).toEqual(['incident.transition']);
    expect(await step(id, take())).toEqual(['applied']);
    expect(await step(id, review())).toEqual(['incident.review_before_resolved']);
    expect(await step(id, { ...resolve(), resolution: '' })).toEqual(['incident.resolution_required']);
    expect(await step(id, { title: 'Другое' })).toEqual(['incident.field_fixed']);
    expect(await step(id, notice('notified', hoursAgo(1)))).toEqual(['incident.not_leak']);
  });

  it('a leak’s notices: not in the future, not before detection, each once, results after the first; its kind stays', async () => {
    const id = await reported();
    expect(await step(id, take())).toEqual(['applied']);
    expect(await step(id, { kind: 'security' })).toEqual(['incident.leak_kind_fixed']);
    expect(await step(id, notice('notified', hoursAgo(-1)))).toEqual(['incident.notice_in_future']);
    expect(await step(id, notice('notified', hoursAgo(5)))).toEqual(['incident.notice_before_detected']);
    expect(await step(id, notice('results', hoursAgo(1)))).toEqual(['incident.results_before_notice']);
    expect(await step(id, notice('notified', hoursAgo(1), testStaff.clerk))).toEqual(['incident.actor_mismatch']);
    expect(await step(id, notice('notified', hoursAgo(1)))).toEqual(['applied']);
    expect(await step(id, notice('notified', hoursAgo(0.5)))).toEqual(['incident.notice_recorded']);
  });

  it('the timeline only grows: an entry is never changed, and names an incident of this clinic', async () => {
    const id = await reported();
    const note = entry(desk, id, {});
    expect(await push(desk, note)).toEqual(['applied']);
    const again = { ...entry(desk, id, { note: 'исправлено' }), rowId: note.rowId, baseVersion: 1 };
    expect(await push(desk, again)).toEqual(['incident.entry_fixed']);
    expect(await push(desk, entry(desk, '019a0000-0000-7000-8000-0000000000ff', {}))).toEqual(['incident.not_found']);
    expect(await push(desk, entry(desk, id, { author_id: testStaff.clerk }))).toEqual(['incident.actor_mismatch']);
  });
});
