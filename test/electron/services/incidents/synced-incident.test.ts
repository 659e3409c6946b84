import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultClinicId } from '../../../../server/clinics/clinics';
import { toRecord } from '../../../../server/db/values';
import { openAlertIncident } from '../../../../server/incidents/open-alert-incident';
import type { IncidentDetail } from '../../../../shared/api/incident-calls';
import {
  openSyncDesk,
  pendingOutbox,
  startSyncServer,
  type SyncDesk,
  type SyncServer,
} from '../../../sync/sync-harness';

let server: SyncServer;
let desk: SyncDesk;
beforeAll(async () => {
  server = await startSyncServer();
  desk = await openSyncDesk(server, 'Регистратура, окно 1');
}, 120_000);
afterAll(async () => {
  await desk?.cleanup();
  await server?.stop();
});

const rows = async (table: string) =>
  (await server.db('records').where({ table_name: table })).map(
    (row: { id: string; data: unknown }): Record<string, unknown> => ({ id: row.id, ...toRecord(row.data) }),
  );

describe('the incident log between a desk and the server (issue 15, §6.2)', () => {
  it('a clerk’s report reaches the server as pushed; the server’s alert reaches the desk', async () => {
    const opened = await desk.dispatch('incidents.open', {
      kind: 'personal_data_leak',
      severity: 'high',
      title: 'Выписка ушла не тому пациенту',
      description: 'Письмо отправлено на чужой адрес',
    });
    expect(opened.ok).toBe(true);
    const id = (opened as { data: IncidentDetail }).data.incident.id;
    await desk.sync();
    expect(pendingOutbox(desk)).toBe(0);
    expect(await rows('incidents')).toEqual([
      expect.objectContaining({ id, status: 'open', source: 'staff', opened_by: desk.ctx.actor.staffId }),
    ]);
    expect((await rows('incident_entries')).map((entry) => entry.kind)).toEqual(['opened']);

    const alert = await openAlertIncident(server.db, {
      clinicId: await defaultClinicId(server.db),
      key: 'health.disk',
      severity: 'critical',
      title: 'На сервере кончается место',
      detail: 'Свободно 1%',
    });
    await desk.sync();
    const list = await desk.dispatch('incidents.list', { filter: 'open' });
    const items = (list as { data: { items: { id: string; source: string }[] } }).data.items;
    expect(items.map((item) => [item.id, item.source]).sort()).toEqual(
      [
        [id, 'staff'],
        [alert.id, 'alert'],
      ].sort(),
    );
    const got = await desk.dispatch('incidents.get', { id: alert.id });
    expect((got as { data: IncidentDetail }).data.entries).toEqual([
      expect.objectContaining({ kind: 'opened', author: null, note: 'Свободно 1%' }),
    ]);
  });
});
