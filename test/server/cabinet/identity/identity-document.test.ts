import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { cabinetPaths, type IdentityState } from '../../../../shared/cabinet/cabinet-api';
import { jpegPage } from '../../../electron/services/scans/generated-scans';
import { enrolTestDevice, useTestServer, type TestDevice } from '../../support/test-server';
import { cabinetOptions } from '../accounts/cabinet-browser';
import {
  applicantOf,
  attemptsOf,
  cardAtDesk,
  documentAtDesk,
  freshSnils,
  syncedIdentity,
  uploadScan,
} from './identity-setup';

const opened = useTestServer(() => ({ cabinet: cabinetOptions() }));
const db = () => opened.db;
const server = () => opened.server;
let desk: TestDevice;
let seed = 0;
const scanOf = async (browser: Parameters<typeof uploadScan>[1]) =>
  uploadScan(server(), browser, await jpegPage({ seed: (seed += 1) }));

beforeAll(async () => {
  desk = await enrolTestDevice(db(), server());
}, 120_000);

/** A card with a passport recorded at the desk, and its patient signed up in the cabinet. */
async function patientWithPassport() {
  const snils = freshSnils();
  const cardId = await cardAtDesk(desk, { snils });
  await documentAtDesk(desk, cardId, {
    type: 'passport',
    series: '4510',
    number: '123456',
    issuer: 'ОВД Пресненского района',
    issuer_code: '770-001',
  });
  return { cardId, snils, ...(await applicantOf(server(), db(), snils)) };
}

describe('identity confirmation by an uploaded document (B6)', () => {
  it('the passport’s series and number typed as printed match the card’s: identity confirmed', async () => {
    const { browser, cardId } = await patientWithPassport();
    const scanId = await scanOf(browser);
    const reply = await browser.post<IdentityState>(cabinetPaths.identityDocument, {
      scanId,
      documentType: 'passport',
      series: '45 10',
      number: '123 456',
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 'confirmed_online', confirmed: true });
    expect(await syncedIdentity(db(), cardId)).toMatchObject({ status: 'confirmed_online' });
    expect(await attemptsOf(db(), cardId)).toEqual([
      { method: 'document_upload', outcome: 'passed', result: 'counted' },
    ]);
  });

  it('a SNILS notice matches the card’s SNILS however it is typed', async () => {
    const { browser, snils } = await patientWithPassport();
    const typed = `${snils.slice(0, 3)}-${snils.slice(3, 6)}-${snils.slice(6, 9)} ${snils.slice(9)}`;
    const reply = await browser.post<IdentityState>(cabinetPaths.identityDocument, {
      scanId: await scanOf(browser),
      documentType: 'snils',
      number: typed,
    });
    expect(reply.body).toMatchObject({ confirmed: true });
  });

  it('details that are not the card’s count as failures; the third locks', async () => {
    const { browser, cardId } = await patientWithPassport();
    const scanId = await scanOf(browser);
    const wrong = { scanId, documentType: 'passport', series: '4510', number: '654321' };
    const first = await browser.post(cabinetPaths.identityDocument, wrong);
    expect(first).toMatchObject({
      status: 422,
      body: {
        code: 'cabinet.identity.document_mismatch',
        message: { en: expect.stringContaining('Attempts left: 2') },
      },
    });
    // Another type with the same number is no match either: the card holds a passport.
    const licence = await browser.post(cabinetPaths.identityDocument, {
      ...wrong,
      documentType: 'driving_licence',
      series: '4510',
      number: '123456',
    });
    expect(licence).toMatchObject({
      status: 422,
      body: { message: { en: expect.stringContaining('Attempts left: 1') } },
    });
    const third = await browser.post(cabinetPaths.identityDocument, wrong);
    expect(third).toMatchObject({ status: 423, body: { code: 'portal.identity_locked' } });
    const right = await browser.post(cabinetPaths.identityDocument, { ...wrong, number: '123456' });
    expect(right).toMatchObject({ status: 423 });
    expect(await syncedIdentity(db(), cardId)).toMatchObject({ status: 'locked', failed_attempts: 3 });
  });

  it('an unknown scan, a malformed number or a type that proves nothing is refused before comparing, uncounted', async () => {
    const { browser, cardId } = await patientWithPassport();
    const scanId = await scanOf(browser);
    const body = { scanId, documentType: 'passport', series: '4510', number: '123456' };
    expect(await browser.post(cabinetPaths.identityDocument, { ...body, scanId: uuidv7() })).toMatchObject({
      status: 404,
      body: { code: 'cabinet.identity.scan_unknown', field: 'scanId' },
    });
    expect(await browser.post(cabinetPaths.identityDocument, { ...body, series: '45' })).toMatchObject({
      status: 400,
      body: { code: 'document.passport.series', field: 'series' },
    });
    expect(await browser.post(cabinetPaths.identityDocument, { ...body, documentType: 'oms_policy' })).toMatchObject({
      status: 400,
      body: { code: 'cabinet.identity.document_type', field: 'documentType' },
    });
    // Another patient's scan is not this card's.
    const other = await patientWithPassport();
    const foreign = await scanOf(other.browser);
    expect(await browser.post(cabinetPaths.identityDocument, { ...body, scanId: foreign })).toMatchObject({
      status: 404,
    });
    expect(await attemptsOf(db(), cardId)).toEqual([]);
    const state = await browser.get<IdentityState>(cabinetPaths.identity);
    expect(state.body).toMatchObject({ status: 'none', failedAttempts: 0 });
  });
});
