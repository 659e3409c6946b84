import { describe, expect, it } from 'vitest';
import { defaultClinicId } from '../../../server/clinics/clinics';
import { toRecord } from '../../../server/db/values';
import { openAlertIncident } from '../../../server/incidents/open-alert-incident';
import { enrolTestDevice, useTestServer } from '../support/test-server';
import { entry, incidentData, incidentStep, push, resolve, take } from './incident-setup';

const opened = useTestServer();
const db = () => opened.db;

describe('openAlertIncident (the server’s alerts open incidents)', () => {
  it('opens one incident per alert key while it is active, and a new one once it is resolved', async () => {
    const clinicId = await defaultClinicId(db());
    const alert = { clinicId, key: 'disk.low', severity: 'high' as const, title: 'Мало места', detail: '2% free' };
    const first = await openAlertIncident(db(), alert);
    expect(first.opened).toBe(true);
    const [second, third] = await Promise.all([openAlertIncident(db(), alert), openAlertIncident(db(), alert)]);
    expect([second, third]).toEqual([
      { id: first.id, opened: false },
      { id: first.id, opened: false },
    ]);
    expect(await openAlertIncident(db(), { ...alert, key: 'sync.errors' })).toMatchObject({ opened: true });

    const { data } = await incidentData(db(), first.id);
    expect(data).toMatchObject({ source: 'alert', alert_key: 'disk.low', status: 'open', opened_by: null });
    expect(String(data.number)).toMatch(/^И-\d{4}-/);
    // The server's own change: no desk, no person.
    expect(data).toMatchObject({ device_id: null, created_by: null, updated_by: null });
    const timeline = await db()('records')
      .where({ table_name: 'incident_entries' })
      .whereRaw("data->>'incident_id' = ?", [first.id])
      .select('data');
    expect(timeline.map((row) => toRecord(row.data).kind)).toEqual(['opened']);

    const desk = await enrolTestDevice(db(), opened.server);
    expect(await push(desk, await incidentStep(db(), desk, first.id, take()))).toEqual(['applied']);
    expect(await openAlertIncident(db(), alert)).toEqual({ id: first.id, opened: false });
    expect(await push(desk, await incidentStep(db(), desk, first.id, resolve()))).toEqual(['applied']);
    expect(await push(desk, entry(desk, first.id, {}))).toEqual(['applied']);
    const after = await openAlertIncident(db(), alert);
    expect(after.opened).toBe(true);
    expect(after.id).not.toBe(first.id);
  });
});
