import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AcceptScanResult, ScanFile } from '../../shared/api/scan-calls';
import type { ScanSummary } from '../../shared/scans/scan-inputs';
import { jpegPage } from '../electron/services/scans/generated-scans';
import { sendScan } from '../electron/services/scans/send-scan';
import { createPatientAt, openSyncDesk, startSyncServer, type SyncDesk, type SyncServer } from './sync-harness';
import { draft, validSnils } from '../support/fixtures';

let server: SyncServer;
let deskA: SyncDesk;
let deskB: SyncDesk;
beforeAll(async () => {
  server = await startSyncServer();
  deskA = await openSyncDesk(server, 'desk-a');
  deskB = await openSyncDesk(server, 'desk-b');
});
afterAll(async () => {
  await deskA.cleanup();
  await deskB.cleanup();
  await server.stop();
});

async function listAt(desk: SyncDesk, patientId: string): Promise<ScanSummary[]> {
  const answer = await desk.dispatch('scans.list', { patientId });
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return (answer.data as { items: ScanSummary[] }).items;
}
async function contentAt(desk: SyncDesk, id: string): Promise<ScanFile> {
  const answer = await desk.dispatch('scans.content', { id });
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.data as ScanFile;
}
const queued = (desk: SyncDesk) => desk.count('blob_downloads');

describe('scans reach other desks with their files (B4, A6)', () => {
  it('a scan accepted at desk A is listed and viewable at desk B; B says “still downloading” until the file is there', async () => {
    const patientId = await createPatientAt(deskA, draft({}));
    // A grainy A4 page: over 4 MB, so the file travels in several pieces each way.
    const page = await jpegPage({ widthMm: 210, heightMm: 297, grain: 20, quality: 95 });
    const accepted = await sendScan(deskA, patientId, page, { purpose: 'identity_document', attachedTo: 'doc-1' });
    if (!accepted.ok || !accepted.data.accepted) throw new Error(JSON.stringify(accepted));
    const scan = (accepted.data as Extract<AcceptScanResult, { accepted: true }>).scan;
    await deskA.sync();
    const stored = await server
      .db('blobs')
      .whereIn('sha256', [scan.sha256, scan.thumbnailSha256])
      .select('sha256', 'complete');
    expect(stored.map((row: { complete: boolean }) => row.complete)).toEqual([true, true]);

    // B pulls the row, but the network drops in the middle of the file's download.
    let gets = 0;
    const getBlob = deskB.transport.getBlob;
    deskB.transport.getBlob = async (...args) => {
      gets += 1;
      if (gets === 3) throw new Error('network cut (test)');
      return getBlob(...args);
    };
    await expect(deskB.sync()).rejects.toThrow(/network cut/);
    const [pulled] = await listAt(deskB, patientId);
    expect(pulled).toMatchObject({
      id: scan.id,
      purpose: 'identity_document',
      attachedTo: 'doc-1',
      sha256: scan.sha256,
      contentReady: false,
    });
    expect(await contentAt(deskB, scan.id)).toEqual({ state: 'downloading', id: scan.id });
    expect(queued(deskB)).toBe(2);

    // The next round resumes where the cut left off: only the missing pieces come down.
    const before = gets;
    await deskB.sync();
    deskB.transport.getBlob = getBlob;
    expect(gets - before).toBeLessThanOrEqual(5);
    expect(queued(deskB)).toBe(0);
    const content = await contentAt(deskB, scan.id);
    expect(content.state === 'ready' && Buffer.from(content.data, 'base64').equals(page)).toBe(true);
    expect((await listAt(deskB, patientId))[0]).toMatchObject({
      thumbnailReady: true,
      contentReady: true,
      createdByName: expect.any(String),
    });
  });

  it('a tombstone at B (with its reason) hides the scan at A too', async () => {
    const patientId = await createPatientAt(deskA, draft({ surname: 'Сканова', snils: validSnils('300000123') }));
    const accepted = await sendScan(deskA, patientId, await jpegPage({ seed: 11 }));
    if (!accepted.ok || !accepted.data.accepted) throw new Error('not accepted');
    await deskA.sync();
    await deskB.sync();
    const removed = await deskB.dispatch('scans.remove', { id: accepted.data.scan.id, reason: 'Снят не тот документ' });
    expect(removed.ok).toBe(true);
    await deskB.sync();
    await deskA.sync();
    expect(await listAt(deskA, patientId)).toEqual([]);
  });
});
