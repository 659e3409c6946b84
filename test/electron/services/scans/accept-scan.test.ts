import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { acceptScan } from '../../../../electron/services/scans/accept-scan';
import { listScans, readScan } from '../../../../electron/services/scans/read-scan';
import { refuseByShape } from '../../../../server/sync/mutation-rules';
import { AppError } from '../../../../shared/errors/app-error';
import { mutationSchema } from '../../../../shared/sync/protocol';
import { jpegPage, pdfOfPages } from './generated-scans';
import { rejectsWith } from './rejects-with';
import { openScanDesk, type ScanDesk } from './scan-desk';
import sharp from 'sharp';
import { rawTx } from '../../../../electron/store/raw-tx';

let desk: ScanDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

describe('accepting a scan into a patient’s card (B4)', () => {
  it('keeps an accepted scan: row, audit event, outbox entry, encrypted file and thumbnail', async () => {
    desk = await openScanDesk();
    const bytes = await jpegPage();
    const before = { audit: desk.count('audit_events'), outbox: desk.count('sync_outbox') };
    const result = await acceptScan(desk.scanCtx, desk.ports, { patientId: desk.patientId, bytes });
    if (!result.accepted) throw result.refusal;
    expect(result.scan).toMatchObject({
      patientId: desk.patientId,
      mime: 'image/jpeg',
      bytes: bytes.length,
      dpi: 300,
      pages: 1,
    });
    expect(desk.scanRows()).toBe(1);
    expect(desk.count('audit_events')).toBe(before.audit + 1);
    expect(desk.count('sync_outbox')).toBe(before.outbox + 1);
    expect(desk.vaultFiles()).toHaveLength(2);

    const original = await readScan(desk.scanCtx, desk.vault, { scanId: result.scan.id, variant: 'original' });
    expect(original.state === 'ready' && original.bytes.equals(bytes)).toBe(true);
    const thumbnail = await readScan(desk.scanCtx, desk.vault, { scanId: result.scan.id, variant: 'thumbnail' });
    if (thumbnail.state !== 'ready') throw new Error('thumbnail not ready');
    expect(await sharp(thumbnail.bytes).metadata()).toMatchObject({ format: 'jpeg', width: 320 });
    expect(listScans(desk.scanCtx, desk.vault, desk.patientId).map((scan) => scan.id)).toEqual([result.scan.id]);
  });

  it('queues the scan’s row for the server in a shape the server accepts', async () => {
    desk = await openScanDesk();
    const result = await acceptScan(desk.scanCtx, desk.ports, { patientId: desk.patientId, bytes: await jpegPage() });
    if (!result.accepted) throw result.refusal;
    const entry = desk.store.transaction((tx) =>
      tx.get<{ mutation_id: string; row_id: string; changed: string; actor_id: string; created_at: string }>(
        "SELECT * FROM sync_outbox WHERE table_name = 'document_scans'",
      ),
    );
    const mutation = mutationSchema.parse({
      mutationId: entry?.mutation_id,
      table: 'document_scans',
      rowId: entry?.row_id,
      baseVersion: 0,
      changed: JSON.parse(entry?.changed ?? '{}'),
      actorId: entry?.actor_id,
      at: entry?.created_at,
    });
    expect(mutation.changed).toMatchObject({ patient_id: desk.patientId, sha256: result.scan.sha256, dpi: 300 });
    expect(refuseByShape(mutation)).toBeNull();
  });

  it('keeps a one-page PDF with its page count and thumbnail from the page’s image', async () => {
    desk = await openScanDesk();
    const result = await acceptScan(desk.scanCtx, desk.ports, {
      patientId: desk.patientId,
      bytes: await pdfOfPages([{}]),
    });
    expect(result.accepted && result.scan).toMatchObject({ mime: 'application/pdf', pages: 1, dpi: 300 });
  });

  it('keeps nothing for a refused scan and answers with the checklist and the refusal', async () => {
    desk = await openScanDesk();
    const result = await acceptScan(desk.scanCtx, desk.ports, {
      patientId: desk.patientId,
      bytes: await jpegPage({ dpi: 150 }),
    });
    expect(result.accepted).toBe(false);
    if (result.accepted) return;
    expect(result.refusal.code).toBe('scan.resolution.low');
    expect(result.checklist.checks.find((c) => c.rule === 'resolution')?.value).toBe(150);
    expect([desk.scanRows(), desk.vaultFiles().length]).toEqual([0, 0]);
  });

  it('leaves no row and no file when the patient is unknown', async () => {
    desk = await openScanDesk();
    const outbox = desk.count('sync_outbox');
    await rejectsWith(
      acceptScan(desk.scanCtx, desk.ports, { patientId: randomUUID(), bytes: await jpegPage() }),
      'patient.not_found',
    );
    expect([desk.scanRows(), desk.vaultFiles().length, desk.count('sync_outbox')]).toEqual([0, 0, outbox]);
  });

  it('leaves no row, no outbox entry and no file when the transaction fails after the row was written', async () => {
    desk = await openScanDesk();
    desk.store.transaction((tx) =>
      rawTx(tx).run(
        "CREATE TRIGGER fail_audit BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'disk full'); END",
      ),
    );
    const outbox = desk.count('sync_outbox');
    const error = await acceptScan(desk.scanCtx, desk.ports, {
      patientId: desk.patientId,
      bytes: await jpegPage(),
    }).catch((e: unknown) => e);
    expect(String(error)).toContain('disk full');
    expect([desk.scanRows(), desk.vaultFiles().length, desk.count('sync_outbox')]).toEqual([0, 0, outbox]);
  });

  it('keeps the file a kept scan already uses when a second acceptance of the same content fails', async () => {
    desk = await openScanDesk();
    const bytes = await jpegPage();
    await acceptScan(desk.scanCtx, desk.ports, { patientId: desk.patientId, bytes });
    await rejectsWith(acceptScan(desk.scanCtx, desk.ports, { patientId: randomUUID(), bytes }), 'patient.not_found');
    expect([desk.scanRows(), desk.vaultFiles().length]).toEqual([1, 2]);
  });

  it('refuses a doctor, who may read cards but not add to them, before measuring anything', async () => {
    desk = await openScanDesk({ role: 'doctor' });
    const error = await acceptScan(desk.scanCtx, desk.ports, {
      patientId: desk.patientId,
      bytes: await jpegPage(),
    }).catch((e: unknown) => e);
    expect(error instanceof AppError && error.code).toBe('forbidden');
    expect(desk.vaultFiles()).toEqual([]);
  });

  it('says a scan whose file is not on this desk yet is still downloading, and audits the read', async () => {
    desk = await openScanDesk();
    const result = await acceptScan(desk.scanCtx, desk.ports, { patientId: desk.patientId, bytes: await jpegPage() });
    if (!result.accepted) throw result.refusal;
    const audit = desk.count('audit_events');
    await desk.vault.remove(result.scan.sha256);
    const read = await readScan(desk.scanCtx, desk.vault, { scanId: result.scan.id, variant: 'original' });
    expect(read.state).toBe('downloading');
    expect(listScans(desk.scanCtx, desk.vault, desk.patientId)[0]).toMatchObject({
      contentReady: false,
      thumbnailReady: true,
    });
    expect(desk.count('audit_events')).toBe(audit + 2);
  });
});
