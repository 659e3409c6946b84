import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cabinetRecordRequestDetailSchema,
  cabinetRecordRequestPaths,
} from '../../../shared/cabinet/record-requests-api';
import { cabinetOptions } from '../cabinet/accounts/cabinet-browser';
import { signedInPatient } from '../cabinet/chart/chart-setup';
import { enrolledPatient, outcomes, pushAs } from '../portal/portal-setup';
import { enrolTestDevice, mutation, useTestServer, type TestDevice } from '../support/test-server';
import { askedRequest, draft, fulfilled } from './request-setup';

const opened = useTestServer(() => ({ cabinet: cabinetOptions() }));
const db = () => opened.db;
let desk: TestDevice;

beforeAll(async () => {
  desk = await enrolTestDevice(db(), opened.server);
}, 120_000);

/** A proxy at the desk for `patientId` naming the cabinet's test person (chart-setup's account), in force. */
function proxy(patientId: string, changed: Record<string, string | number | null> = {}) {
  return mutation({
    table: 'proxies',
    rowId: uuidv7(),
    changed: {
      patient_id: patientId,
      surname: 'Иванова',
      name: 'Мария',
      patronymic: 'Петровна',
      birth_date: '1980-03-15',
      phone: '+79161234567',
      foreign_citizen: 0,
      relationship: 'other',
      basis: 'power_of_attorney',
      document_number: '77 АБ 1234567',
      document_issued_on: '2026-01-10',
      document_expires_on: null,
      document_issuer: 'Нотариус г. Москвы',
      scope: JSON.stringify(['visits', 'results']),
      starts_on: '2026-01-10',
      ends_on: null,
      revoked_at: null,
      ...changed,
    },
  });
}

describe('a representative asks for the records of a person they represent (B9, F3)', () => {
  it('asks within the proxy’s scope, downloads the files, and loses them when the proxy is revoked', async () => {
    const own = await enrolledPatient(desk);
    const represented = await enrolledPatient(desk);
    const given = proxy(represented);
    expect(outcomes(await pushAs(desk, given))).toEqual(['applied']);
    const who = await signedInPatient(db(), opened.server, own, new Date());

    const outside = await who.browser.post(
      cabinetRecordRequestPaths.draft,
      draft({ patientId: represented, materials: { sections: ['diagnoses'] } }),
    );
    expect([outside.status, outside.body.code]).toEqual([403, 'records.request.scope']);
    const whole = await who.browser.post(cabinetRecordRequestPaths.draft, draft({ patientId: represented }));
    expect([whole.status, whole.body.code]).toEqual([403, 'records.request.scope']);

    const asked = await askedRequest(
      db(),
      who.browser,
      who.accountId,
      draft({ patientId: represented, materials: { sections: ['encounters', 'observations'] } }),
    );
    expect(asked.request).toMatchObject({ patientId: represented, forPerson: 'Иванова Мария Петровна' });

    const bytes = Buffer.from('%PDF-1.7\n% представитель\n%%EOF\n', 'utf8');
    await fulfilled(db(), desk, { id: asked.request.id, patientId: represented }, bytes);
    const detail = cabinetRecordRequestDetailSchema.parse(
      (await who.browser.get(cabinetRecordRequestPaths.one.replace(':id', asked.request.id))).body,
    );
    const path = cabinetRecordRequestPaths.file
      .replace(':id', asked.request.id)
      .replace(':fileId', detail.files[0]!.id);
    const file = await fetch(`${opened.server.origin}/api/cabinet${path}`, {
      headers: { cookie: `medcard_cabinet=${who.browser.cookie}` },
    });
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);

    const revoked = mutation({
      table: 'proxies',
      rowId: given.rowId,
      baseVersion: 1,
      at: new Date().toISOString(),
      changed: { revoked_at: new Date().toISOString() },
    });
    expect(outcomes(await pushAs(desk, revoked))).toEqual(['applied']);
    const gone = await who.browser.get(path);
    expect([gone.status, gone.body.code]).toEqual([404, 'records.file.not_found']);
  });
});
