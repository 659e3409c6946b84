import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCabinetSession } from '../../server/cabinet/session/cabinet-session';
import { defaultClinicId } from '../../server/clinics/clinics';
import type { ChartEntryDetail } from '../../shared/api/chart-calls';
import type { ScanFile } from '../../shared/api/scan-calls';
import {
  cabinetApiPrefix,
  cabinetSessionCookie,
  csrfHeader,
  uploadedScanSchema,
} from '../../shared/cabinet/cabinet-api';
import { cabinetChartPaths, cabinetLabSchema } from '../../shared/cabinet/chart-api';
import type { ChartSummary } from '../../shared/chart/chart-views';
import { pdfOfPages } from '../electron/services/scans/generated-scans';
import { cabinetOptions, signedInAccount } from '../server/cabinet/uploads/cabinet-uploader';
import { draft, validSnils } from '../support/fixtures';
import { actAsDoctor, encounterDraft, ok } from './chart-desks';
import { createPatientAt, openSyncDesk, startSyncServer, type SyncDesk, type SyncServer } from './sync-harness';

const mailDrop = mkdtempSync(join(tmpdir(), 'medcard-chart-upload-'));
let server: SyncServer;
let desk: SyncDesk;
beforeAll(async () => {
  server = await startSyncServer({ extra: () => ({ cabinet: cabinetOptions(mailDrop) }) });
  desk = await openSyncDesk(server, 'desk-a');
});
afterAll(async () => {
  await desk.cleanup();
  await server.stop();
  rmSync(mailDrop, { recursive: true, force: true });
});

/** The patient signed in to the cabinet with their card linked (the `patient` stage), as after activation. */
async function patientSession(patientId: string): Promise<Record<string, string>> {
  const { accountId } = await signedInAccount(server.db, patientId);
  const clinicId = await defaultClinicId(server.db);
  const { cookieValue, csrfToken } = await openCabinetSession(
    server.db,
    { accountId, clinicId, stage: 'patient' },
    new Date(),
  );
  return { cookie: `${cabinetSessionCookie}=${cookieValue}`, [csrfHeader]: csrfToken };
}

const url = (path: string) => `${server.url}${cabinetApiPrefix}${path}`;

describe('a lab result the patient uploads in the cabinet reaches the doctor’s desk (issue 12, item 7)', () => {
  it('uploaded, sent to their doctor, found in the chart at the desk with its file', async () => {
    const patientId = await createPatientAt(desk, draft({ surname: 'Анализова', snils: validSnils('523000017') }));
    const doctor = await actAsDoctor(desk, 'Иванова Мария Сергеевна');
    // Their doctor has seen them: in the treating team, the one who may read the chart (F4).
    await ok(desk, 'chart.record', { patientId, draft: encounterDraft('Гипертоническая болезнь, контроль АД') });
    const headers = await patientSession(patientId);

    const pdf = await pdfOfPages([{ seed: 12 }]);
    const uploaded = await fetch(url('/scans?purpose=chart_document'), {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/pdf' },
      body: new Uint8Array(pdf),
    });
    expect(uploaded.status).toBe(201);
    const { scanId } = uploadedScanSchema.parse(await uploaded.json());

    const added = await fetch(url(cabinetChartPaths.labs), {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ scanId, date: '2026-11-20', title: 'Общий анализ крови', comment: 'Сдан в ИНВИТРО' }),
    });
    expect(added.status).toBe(201);
    const lab = cabinetLabSchema.parse(await added.json());
    expect(lab.sentTo).toBeNull();

    // Not sent yet: the upload is the patient's own, the doctor's history does not show it as theirs.
    await desk.sync();
    const before = await ok<{ items: ChartSummary[] }>(desk, 'chart.history', { patientId });
    expect(before.items.filter((item) => item.id === lab.id && item.doctor?.id === doctor.staffId)).toEqual([]);

    const sent = await fetch(url(cabinetChartPaths.labSend.replace(':id', lab.id)), {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ doctorId: doctor.staffId }),
    });
    expect(sent.status).toBe(200);
    expect(cabinetLabSchema.parse(await sent.json()).sentTo).toEqual({
      id: doctor.staffId,
      name: 'Иванова Мария Сергеевна',
    });

    await desk.sync();
    const history = await ok<{ items: ChartSummary[] }>(desk, 'chart.history', { patientId });
    expect(history.items.find((item) => item.id === lab.id)).toMatchObject({
      kind: 'document',
      source: 'patient',
      status: 'sent',
      summary: 'Общий анализ крови',
      occurredAt: '2026-11-20T00:00:00.000Z',
      doctor: { id: doctor.staffId, name: 'Иванова Мария Сергеевна' },
    });
    const opened = await ok<ChartEntryDetail>(desk, 'chart.entry', { id: lab.id });
    expect(opened.entry.body).toMatchObject({
      type: 'lab_report',
      title: 'Общий анализ крови',
      comment: 'Сдан в ИНВИТРО',
      scanId,
    });

    // The file itself, byte for byte, as the patient uploaded it.
    const content = await ok<ScanFile>(desk, 'scans.content', { id: scanId });
    expect(content.state === 'ready' && Buffer.from(content.data, 'base64').equals(pdf)).toBe(true);
  });
});
