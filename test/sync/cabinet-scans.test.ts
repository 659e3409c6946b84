import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanFile } from '../../shared/api/scan-calls';
import { uploadedScanSchema } from '../../shared/cabinet/cabinet-api';
import type { ScanSummary } from '../../shared/scans/scan-inputs';
import { jpegPage } from '../electron/services/scans/generated-scans';
import { cabinetOptions, signedInAccount } from '../server/cabinet/uploads/cabinet-uploader';
import { draft } from '../support/fixtures';
import { createPatientAt, openSyncDesk, startSyncServer, type SyncDesk, type SyncServer } from './sync-harness';

const mailDrop = mkdtempSync(join(tmpdir(), 'medcard-cabinet-scans-'));
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

describe('a document the patient uploads in the cabinet reaches the desk (issue 11, item 3)', () => {
  it('is listed on the patient’s card and opens there, with its thumbnail', async () => {
    const patientId = await createPatientAt(desk, draft({}));
    await desk.sync();
    const patient = await signedInAccount(server.db, patientId);
    const page = await jpegPage({ seed: 61 });
    const response = await fetch(`${server.url}/api/cabinet/scans`, {
      method: 'POST',
      headers: { ...patient.headers, 'content-type': 'image/jpeg' },
      body: new Uint8Array(page),
    });
    expect(response.status).toBe(201);
    const uploaded = uploadedScanSchema.parse(await response.json());

    await desk.sync();
    const listed = await desk.dispatch('scans.list', { patientId });
    if (!listed.ok) throw new Error(JSON.stringify(listed.error));
    const [scan] = (listed.data as { items: ScanSummary[] }).items;
    expect(scan).toMatchObject({
      id: uploaded.scanId,
      patientId,
      purpose: 'identity_document',
      mime: 'image/jpeg',
      bytes: page.length,
      dpi: uploaded.dpi,
      // Taken by no one of the clinic: the card says the patient uploaded it in the cabinet.
      createdBy: null,
      createdByName: null,
      thumbnailReady: true,
      contentReady: true,
    });
    const content = await desk.dispatch('scans.content', { id: uploaded.scanId });
    if (!content.ok) throw new Error(JSON.stringify(content.error));
    const file = content.data as ScanFile;
    expect(file.state === 'ready' && Buffer.from(file.data, 'base64').equals(page)).toBe(true);
  });
});
