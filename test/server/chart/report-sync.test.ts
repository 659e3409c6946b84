import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../electron/store/ids';
import { toRecord } from '../../../server/db/values';
import { draft } from '../../support/fixtures';
import { addPerson, person } from '../../sync/clinic-staff';
import {
  createPatientAt,
  openSyncDesk,
  startSyncServer,
  type SyncDesk,
  type SyncServer,
} from '../../sync/sync-harness';
import { outbox } from '../cabinet/applications/application-setup';
import { cabinetOptions, signedInAccount } from '../cabinet/uploads/cabinet-uploader';
import { openReport, rowOf } from './report-setup';

const mailDrop = mkdtempSync(join(tmpdir(), 'medcard-report-sync-'));
let server: SyncServer;
let desk: SyncDesk;

beforeAll(async () => {
  server = await startSyncServer({ extra: () => ({ cabinet: cabinetOptions(mailDrop) }) });
  desk = await openSyncDesk(server, 'Кабинет терапевта');
}, 180_000);
afterAll(async () => {
  await desk?.cleanup();
  await server?.stop();
  rmSync(mailDrop, { recursive: true, force: true });
}, 60_000);

/** The clinic's admin (made by the first desk) adds a doctor, who then works at the desk. */
async function doctorAtDesk(): Promise<string> {
  const adminRow = await server
    .db('records')
    .where({ table_name: 'staff' })
    .whereRaw("data->>'role' = 'admin'")
    .first('id');
  const admin = person(desk, String(adminRow.id), 'admin', 'Админ Клиники');
  const doctor = person(desk, newId(), 'doctor', 'Терапевтова Ольга Ивановна');
  addPerson(desk, admin, doctor);
  await desk.sync();
  desk.ctx.actor = doctor;
  return doctor.staffId;
}

const call = async (name: string, input: unknown) => {
  const answer = await desk.dispatch(name, input);
  if (!answer.ok) throw new Error(`${name}: ${JSON.stringify(answer.error)}`);
  return answer.data as Record<string, unknown>;
};

const lab = (value: number) => ({
  kind: 'lab_result',
  body: { test: 'Гемоглобин', value, unit: 'г/л', referenceLow: 120, referenceHigh: 160, takenOn: '2026-11-20' },
});

describe('a report decided at the desk reaches the server and the patient (D4, issue 12 item 4)', () => {
  it('the acceptance and its amendment are taken by the server’s rules as the desk writes them', async () => {
    const patientId = await createPatientAt(desk, draft({}));
    const doctorId = await doctorAtDesk();
    const recorded = await call('chart.record', { patientId, draft: lab(95) });
    const entryId = String((recorded.entry as { id: string }).id);
    await desk.sync();

    const account = await signedInAccount(server.db, patientId);
    const accepted = await openReport(server.db, { patientId, entryId, accountId: account.accountId });
    const declined = await openReport(server.db, { patientId, entryId, accountId: account.accountId });
    await desk.sync();
    expect((await call('chart.reports.count', {})).open).toBe(2);

    await call('chart.reports.accept', {
      id: accepted,
      baseRevision: 1,
      draft: lab(125),
      reason: 'Исправлено по сообщению пациента: бланк другой лаборатории',
    });
    await call('chart.reports.decline', {
      id: declined,
      reason: 'Повторное сообщение о том же значении: уже исправлено',
    });
    await desk.sync();

    // Nothing the desk wrote was refused: the rules and the desk's writers agree.
    const left = desk.store.read((tx) =>
      tx.all<{ table_name: string; refused_code: string | null }>('SELECT table_name, refused_code FROM sync_outbox'),
    );
    expect(left).toEqual([]);
    expect((await rowOf(server.db, 'chart_reports', accepted)).data).toMatchObject({
      status: 'accepted',
      decided_by: doctorId,
      amendment_revision: 2,
    });
    expect((await rowOf(server.db, 'chart_reports', declined)).data).toMatchObject({
      status: 'declined',
      decided_by: doctorId,
    });
    const entry = (await rowOf(server.db, 'chart_entries', entryId)).data;
    expect(entry).toMatchObject({ revision: 2, report_id: accepted, amended_by: doctorId });
    expect(toRecord(JSON.parse(String(entry.body)))).toMatchObject({ value: 125, flag: 'normal' });
    const previous = await server.db('records').where({ table_name: 'chart_revisions' }).select('data');
    expect(previous.map((row) => toRecord(row.data))).toEqual([
      expect.objectContaining({ entry_id: entryId, revision: 1, report_id: accepted, replaced_by: doctorId }),
    ]);
    const messages = await outbox(server.db, { accountId: account.accountId });
    expect(messages.map((message) => message.template).sort()).toEqual([
      'chart_report_accepted',
      'chart_report_declined',
    ]);
  });
});
