import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../../shared/sync/protocol';
import { outbox } from '../cabinet/applications/application-setup';
import { cabinetOptions } from '../cabinet/accounts/cabinet-browser';
import { signedInPatient } from '../cabinet/chart/chart-setup';
import { enrolledPatient, outcomes, pushAs } from '../portal/portal-setup';
import { enrolTestDevice, mutation, staffRow, testStaff, useTestServer, type TestDevice } from '../support/test-server';
import {
  askedRequest,
  deskStep,
  draft,
  fileRow,
  finish,
  handPaper,
  requestData,
  take,
  uploadedBlob,
} from './request-setup';

const opened = useTestServer(() => ({ cabinet: cabinetOptions() }));
const db = () => opened.db;

let desk: TestDevice;
let patientId: string;
let otherPatientId: string;
let auditor: string;
const pdf = Buffer.from('%PDF-1.7\n% rules\n%%EOF\n', 'utf8');
let pdfHash: string;

beforeAll(async () => {
  desk = await enrolTestDevice(db(), opened.server);
  patientId = await enrolledPatient(desk);
  otherPatientId = await enrolledPatient(desk);
  auditor = uuidv7();
  const made = await pushAs(
    desk,
    mutation({
      table: 'staff',
      rowId: auditor,
      actorId: testStaff.admin,
      changed: staffRow('test.auditor', 'auditor'),
    }),
  );
  expect(outcomes(made)).toEqual(['applied']);
  pdfHash = await uploadedBlob(desk, pdf);
}, 120_000);

/** A new request of the patient (asked in the cabinet by an account of its own); its id. */
async function newRequest(formats: ('pdf' | 'semd' | 'fhir' | 'paper')[] = ['pdf', 'paper']) {
  const who = await signedInPatient(db(), opened.server, patientId, new Date());
  const asked = await askedRequest(db(), who.browser, who.accountId, draft({ formats }));
  return { id: asked.request.id, accountId: who.accountId, number: asked.request.number };
}

const push = async (...mutations: Mutation[]) => outcomes(await pushAs(desk, ...mutations));
const step = (id: string, changed: Mutation['changed'], actorId?: string) => deskStep(db(), desk, id, changed, actorId);
const pdfFile = (id: string, changed: Mutation['changed'] = {}) =>
  fileRow(desk, { requestId: id, patientId, sha256: pdfHash, size: pdf.length }, changed);

describe('the server judges a desk’s steps on a record request (F3)', () => {
  it('takes, attaches the file, hands the paper over and finishes; done opens the download and tells the patient', async () => {
    const request = await newRequest();
    expect(await push(await step(request.id, take()))).toEqual(['applied']);
    expect(await push(pdfFile(request.id))).toEqual(['applied']);
    expect(await push(await step(request.id, handPaper()))).toEqual(['applied']);
    expect(await push(await step(request.id, finish()))).toEqual(['applied']);
    const { data } = await requestData(db(), request.id);
    expect(data).toMatchObject({ status: 'done', taken_by: testStaff.clerk, fulfilled_by: testStaff.clerk });
    expect(Date.parse(String(data.available_until)) - Date.parse(String(data.fulfilled_at))).toBe(30 * 86_400_000);
    expect(typeof data.notified_at).toBe('string');
    const templates = (await outbox(db(), { accountId: request.accountId })).map((message) => message.template);
    expect(templates).toEqual(['record_request_code', 'record_request_received', 'record_request_ready']);
  });

  it('takes and finishes in one push as the desk’s outbox may send them', async () => {
    const request = await newRequest(['pdf']);
    const taken = await step(request.id, take());
    expect(await push(taken, pdfFile(request.id))).toEqual(['applied', 'applied']);
    expect(await push(await step(request.id, finish()))).toEqual(['applied']);
  });

  it('refuses a request made at a desk: the patient asks in the cabinet', async () => {
    const made = mutation({
      table: 'record_requests',
      changed: { patient_id: patientId, number: 'З-2026-999999', status: 'open', due_on: '2026-12-31' },
    });
    expect(await push(made)).toEqual(['records.request.not_creatable']);
  });

  it('refuses to change what the patient asked, the number, the deadline, the account or the server’s marks', async () => {
    const request = await newRequest();
    const fixed: Mutation['changed'][] = [
      { purpose: 'Другая цель запроса' },
      { materials: JSON.stringify({ sections: ['diagnoses'] }) },
      { formats: JSON.stringify(['pdf']) },
      { number: 'З-2026-999998' },
      { due_on: '2027-02-01' },
      { account_id: uuidv7() },
      { patient_id: otherPatientId },
      { escalated_at: new Date().toISOString() },
      { available_until: '2099-01-01T00:00:00.000Z' },
      { notified_at: new Date().toISOString() },
    ];
    for (const changed of fixed) {
      const results = await pushAs(desk, await step(request.id, { ...take(), ...changed }));
      expect(results[0]).toMatchObject({
        status: 'refused',
        code: 'records.request.field_fixed',
        field: Object.keys(changed)[0],
      });
    }
    expect((await requestData(db(), request.id)).data.status).toBe('open');
  });

  it('refuses a step in someone else’s name, at a time that is not an instant, or finishing before taking', async () => {
    const request = await newRequest(['pdf']);
    expect(await push(await step(request.id, { ...take(), taken_by: testStaff.otherClerk }))).toEqual([
      'records.request.actor_mismatch',
    ]);
    expect(await push(await step(request.id, { ...take(), taken_at: '7 декабря' }))).toEqual([
      'records.request.instant',
    ]);
    expect(await push(await step(request.id, { status: 'in_work' }))).toEqual(['records.request.not_in_work']);
    expect(await push(await step(request.id, { status: 'archived' }))).toEqual(['records.request.transition']);
  });

  it('refuses done while an asked format has no file or the asked paper was not handed over', async () => {
    const request = await newRequest(['pdf', 'fhir', 'paper']);
    expect(await push(await step(request.id, take()))).toEqual(['applied']);
    expect(await push(await step(request.id, finish()))).toEqual(['records.request.files_incomplete']);
    expect(await push(pdfFile(request.id))).toEqual(['applied']);
    const fhir = Buffer.from('{"resourceType":"Bundle"}', 'utf8');
    const fhirFile = fileRow(
      desk,
      {
        requestId: request.id,
        patientId,
        sha256: await uploadedBlob(desk, fhir),
        size: fhir.length,
      },
      { format: 'fhir', mime: 'application/fhir+json', file_name: 'bundle.json' },
    );
    expect(await push(fhirFile)).toEqual(['applied']);
    expect(await push(await step(request.id, finish()))).toEqual(['records.request.paper_not_handed']);
    expect(await push(await step(request.id, handPaper()))).toEqual(['applied']);
    expect(await push(await step(request.id, finish()))).toEqual(['applied']);
    // Done stays done.
    expect(await push(await step(request.id, { status: 'in_work' }))).toEqual(['records.request.done']);
    expect(await push(pdfFile(request.id))).toEqual(['records.request.done']);
  });

  it('refuses the paper copy of a request that asked for none, or with nobody named as its receiver', async () => {
    const request = await newRequest(['pdf']);
    expect(await push(await step(request.id, take()))).toEqual(['applied']);
    expect(await push(await step(request.id, handPaper()))).toEqual(['records.request.paper_not_asked']);
    const withPaper = await newRequest(['paper']);
    expect(await push(await step(withPaper.id, take()))).toEqual(['applied']);
    expect(await push(await step(withPaper.id, { ...handPaper(), paper_received_by: ' ' }))).toEqual([
      'records.request.paper_receiver',
    ]);
  });

  it('refuses a file for an unknown request, of another patient, in a format not asked, without its blob, or changed', async () => {
    const request = await newRequest(['pdf']);
    expect(await push(fileRow(desk, { requestId: uuidv7(), patientId, sha256: pdfHash, size: pdf.length }))).toEqual([
      'records.file.request_unknown',
    ]);
    expect(
      await push(
        fileRow(desk, { requestId: request.id, patientId: otherPatientId, sha256: pdfHash, size: pdf.length }),
      ),
    ).toEqual(['records.file.patient_mismatch']);
    expect(await push(pdfFile(request.id, { format: 'semd', mime: 'application/xml' }))).toEqual([
      'records.request.format_not_asked',
    ]);
    expect(await push(pdfFile(request.id, { sha256: 'a'.repeat(64) }))).toEqual(['records.file.blob_missing']);
    expect(await push(pdfFile(request.id, { mime: 'text/html' }))).toEqual(['records.file.invalid']);
    expect(await push(pdfFile(request.id, { file_name: '../../etc/passwd' }))).toEqual(['records.file.invalid']);
    const file = pdfFile(request.id);
    expect(await push(file)).toEqual(['applied']);
    const changed = mutation({
      table: 'record_request_files',
      rowId: file.rowId,
      baseVersion: 1,
      at: new Date().toISOString(),
      changed: { file_name: 'другое.pdf' },
    });
    expect(await push(changed)).toEqual(['records.file.fixed']);
  });

  it('refuses the steps of staff without records.release (an auditor)', async () => {
    const request = await newRequest(['pdf']);
    expect(await push(await step(request.id, take(auditor), auditor))).toEqual(['sync.actor_forbidden']);
  });
});
