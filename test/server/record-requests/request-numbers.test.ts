import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultClinicId } from '../../../server/clinics/clinics';
import { withChangeLog } from '../../../server/sync/change-log';
import { writeServerRow } from '../../../server/sync/server-rows';
import {
  cabinetRecordRequestPaths,
  type CabinetRecordRequestDetail,
} from '../../../shared/cabinet/record-requests-api';
import { cabinetOptions } from '../cabinet/accounts/cabinet-browser';
import { signedInPatient } from '../cabinet/chart/chart-setup';
import { enrolledPatient } from '../portal/portal-setup';
import { enrolTestDevice, onPostgres, useTestServer } from '../support/test-server';
import { draft, lastRequestCode, requestData } from './request-setup';

const opened = useTestServer(() => ({ cabinet: cabinetOptions() }));
const db = () => opened.db;
let patientId: string;

beforeAll(async () => {
  patientId = await enrolledPatient(await enrolTestDevice(db(), opened.server));
}, 120_000);

// Concurrency needs a server with a pool of connections: PostgreSQL (DATABASE_URL). On PGlite
// (one connection) the confirmations would take turns anyway.
describe.skipIf(!onPostgres)('request numbers under concurrent confirmations (PostgreSQL)', () => {
  it('gives eight confirmations at once eight different numbers, one after another', async () => {
    const patients = await Promise.all(
      Array.from({ length: 8 }, () => signedInPatient(db(), opened.server, patientId, new Date())),
    );
    const codes = await Promise.all(
      patients.map(async (who) => {
        expect((await who.browser.post(cabinetRecordRequestPaths.draft, draft())).status).toBe(200);
        return lastRequestCode(db(), who.accountId);
      }),
    );
    const answers = await Promise.all(
      patients.map((who, at) =>
        who.browser.post<CabinetRecordRequestDetail>(cabinetRecordRequestPaths.list, {
          draft: draft(),
          code: codes[at],
        }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(201));
    const counts = answers.map((answer) => Number(answer.body.request.number.slice(-6))).sort((a, b) => a - b);
    expect(new Set(counts).size).toBe(8);
    expect(counts.at(-1)! - counts[0]!).toBe(7);
  });
});

describe('request numbers', () => {
  it('refuses a second request with a number the clinic already gave (the unique index)', async () => {
    const who = await signedInPatient(db(), opened.server, patientId, new Date());
    expect((await who.browser.post(cabinetRecordRequestPaths.draft, draft())).status).toBe(200);
    const code = await lastRequestCode(db(), who.accountId);
    const made = await who.browser.post<CabinetRecordRequestDetail>(cabinetRecordRequestPaths.list, {
      draft: draft(),
      code,
    });
    const { data } = await requestData(db(), made.body.request.id);
    const clinicId = await defaultClinicId(db());
    const at = new Date().toISOString();
    await expect(
      withChangeLog(db(), { now: new Date(), clinicId }, (log) =>
        writeServerRow(log, 'record_requests', uuidv7(), undefined, { ...data, created_at: at } as never, at),
      ),
    ).rejects.toThrow(/records_record_request_number/);
  });
});
