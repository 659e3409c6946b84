import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cabinetScansPerDay } from '../../../../server/cabinet/uploads/keep-cabinet-scan';
import { uploadedScanSchema } from '../../../../shared/cabinet/cabinet-api';
import { scanLimits } from '../../../../shared/scans/scan-checklist';
import { reviewPngBomb } from '../../../electron/services/scans/generated-bombs';
import { jpegPage, pdfOfPages, pngPage } from '../../../electron/services/scans/generated-scans';
import { enrolledPatient } from '../../portal/portal-setup';
import { countRows, enrolTestDevice, useTestServer, type TestDevice } from '../../support/test-server';
import { cabinetOptions, signedInAccount, streamUpload, upload, type CabinetUploader } from './cabinet-uploader';

const mailDrop = mkdtempSync(join(tmpdir(), 'medcard-uploads-'));
const opened = useTestServer(() => ({ cabinet: cabinetOptions(mailDrop) }));
const db = () => opened.db;
const server = () => opened.server;

let desk: TestDevice;
let patientId: string;
let patient: CabinetUploader;
beforeAll(async () => {
  desk = await enrolTestDevice(db(), server());
  patientId = await enrolledPatient(desk);
  patient = await signedInAccount(db(), patientId);
}, 120_000);
afterAll(() => rmSync(mailDrop, { recursive: true, force: true }));

/** What a refusal must leave untouched: no file, no row, no change. */
async function stored() {
  return {
    blobs: await countRows(db(), 'blobs'),
    chunks: await countRows(db(), 'blob_chunks'),
    records: await countRows(db(), 'records'),
    changes: await countRows(db(), 'change_log'),
  };
}

async function scanRow(scanId: string) {
  const change = await db()('change_log').where({ table_name: 'document_scans', row_id: scanId }).first();
  return change as { data: Record<string, unknown>; device_id: string | null } | undefined;
}

describe('a patient uploads a document in the cabinet (issue 11, item 3)', () => {
  it.each([
    ['JPEG', 'image/jpeg', () => jpegPage()],
    ['PNG', 'image/png', () => pngPage()],
    ['PDF', 'application/pdf', () => pdfOfPages([{}, { seed: 9 }])],
  ] as const)(
    'keeps a good %s as the clinic’s file and a document_scans row the desks pull',
    async (_name, mime, make) => {
      const file = await make();
      const reply = await upload(server(), patient, file, mime);
      expect(reply.status).toBe(201);
      const scan = uploadedScanSchema.parse(reply.body);
      expect(scan).toMatchObject({ mime, bytes: file.length, pages: mime === 'application/pdf' ? 2 : 1 });
      expect(scan.dpi).toBeGreaterThanOrEqual(scanLimits.minDpi);

      const change = await scanRow(scan.scanId);
      expect(change?.device_id).toBeNull();
      expect(change?.data).toMatchObject({
        patient_id: patientId,
        purpose: 'identity_document',
        mime,
        bytes: file.length,
        dpi: scan.dpi,
        created_by: null,
        device_id: null,
        deleted_at: null,
      });
      expect(Number(change?.data.sharpness)).toBeGreaterThanOrEqual(scanLimits.minSharpness);
      expect(Number(change?.data.brightness)).toBeGreaterThanOrEqual(scanLimits.minBrightness);

      // A desk of the clinic pulls the row and fetches both files, as it does a colleague desk's scan.
      const original = await desk.get(`/v1/blobs/${String(change?.data.sha256)}`);
      expect(original.status).toBe(200);
      expect(original.body.equals(file)).toBe(true);
      const thumbnail = await desk.get(`/v1/blobs/${String(change?.data.thumbnail_sha256)}`);
      expect(thumbnail.status).toBe(200);
      expect(thumbnail.body.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    },
  );

  it('files a policy under its purpose', async () => {
    const reply = await upload(server(), patient, await jpegPage({ seed: 21 }), 'image/jpeg', '?purpose=oms_policy');
    expect(reply.status).toBe(201);
    const change = await scanRow(String(reply.body.scanId));
    expect(change?.data.purpose).toBe('oms_policy');
    const unknown = await upload(server(), patient, await jpegPage({ seed: 22 }), 'image/jpeg', '?purpose=consent');
    expect(unknown).toMatchObject({ status: 400, body: { code: 'cabinet.scan.purpose', field: 'purpose' } });
  });

  it.each([
    ['a 150 dpi page', 'image/jpeg', () => jpegPage({ dpi: 150, seed: 31 }), 422, 'scan.resolution.low'],
    ['a blurred page', 'image/jpeg', () => jpegPage({ blur: 4, seed: 32 }), 422, 'scan.sharpness.low'],
    ['a dark page', 'image/png', () => pngPage({ exposure: 0.2, seed: 33 }), 422, 'scan.brightness.low'],
    ['a PNG bomb (16000² in 750 KiB)', 'image/png', async () => reviewPngBomb(), 422, 'scan.image.too_large'],
    [
      'text sent as a JPEG',
      'image/jpeg',
      async () => Buffer.from('<script>alert(1)</script>'),
      422,
      'scan.format.unsupported',
    ],
    ['a JPEG sent as a PNG', 'image/png', () => jpegPage({ seed: 34 }), 415, 'cabinet.scan.type_mismatch'],
    ['a JPEG sent as text', 'text/plain', () => jpegPage({ seed: 35 }), 415, 'scan.format.unsupported'],
  ] as const)('refuses %s with its code and keeps nothing', async (_name, mime, make, status, code) => {
    const file = await make();
    const before = await stored();
    const reply = await upload(server(), patient, file, mime);
    expect(reply.status).toBe(status);
    expect(reply.body.code).toBe(code);
    expect(await stored()).toEqual(before);
  });

  it('refuses a file over 5 MB whole, by its declared length, before any of it is sent', async () => {
    const before = await stored();
    const reply = await streamUpload(server(), patient, { total: scanLimits.maxBytes + 1024 * 1024, declared: true });
    expect(reply).toMatchObject({ status: 413, body: { code: 'scan.size.too_large' }, sent: 0 });
    expect(await stored()).toEqual(before);
  });

  it('refuses a body with no length as it passes 5 MB, long before its end', async () => {
    const before = await stored();
    const total = 64 * 1024 * 1024;
    const reply = await streamUpload(server(), patient, { total });
    expect(reply).toMatchObject({ status: 413, body: { code: 'scan.size.too_large' } });
    expect(reply.sent).toBeGreaterThan(scanLimits.maxBytes);
    expect(reply.sent).toBeLessThan(total / 2);
    expect(await stored()).toEqual(before);
  });

  it('refuses an upload without a session, and one for an account with no card', async () => {
    const before = await stored();
    const file = await jpegPage({ seed: 41 });
    const anonymous = await upload(server(), { accountId: '', headers: {} }, file, 'image/jpeg');
    expect(anonymous).toMatchObject({ status: 401, body: { code: 'cabinet.session.none' } });
    const unlinked = await upload(server(), await signedInAccount(db(), null), file, 'image/jpeg');
    expect(unlinked).toMatchObject({ status: 409, body: { code: 'cabinet.scan.no_card' } });
    expect(await stored()).toEqual(before);
  });

  it(`keeps at most ${cabinetScansPerDay} uploads of a card a day`, async () => {
    const busyPatient = await enrolledPatient(desk);
    const busy = await signedInAccount(db(), busyPatient);
    const file = await jpegPage({ seed: 51 });
    // The same content each time: the file is kept once, each upload still gets its row.
    for (let n = 0; n < cabinetScansPerDay; n += 1) {
      expect((await upload(server(), busy, file, 'image/jpeg')).status).toBe(201);
    }
    const before = await stored();
    const over = await upload(server(), busy, file, 'image/jpeg');
    expect(over).toMatchObject({ status: 429, body: { code: 'cabinet.scan.daily_limit' } });
    expect(await stored()).toEqual(before);
    // Another patient's day is their own.
    expect((await upload(server(), patient, await jpegPage({ seed: 52 }), 'image/jpeg')).status).toBe(201);
  });
});
