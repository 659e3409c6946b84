import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { serverCalendar } from '../../../../server/cabinet/applications/server-calendar';
import { defaultClinicId } from '../../../../server/clinics/clinics';
import { deskApplicationSource } from '../../../../shared/domain/application';
import { hasSharedData, sharedCalendar, skipNote } from '../../../shared/domain/calendar-fixtures';
import { enrolledPatient, outcomes, pushAs } from '../../portal/portal-setup';
import {
  enrolTestDevice,
  mutation,
  testBlobKey,
  testStaff,
  useTestServer,
  type TestDevice,
} from '../../support/test-server';
import { cabinetOptions } from '../uploads/cabinet-uploader';
import { outbox } from './application-setup';

const mailDrop = mkdtempSync(join(tmpdir(), 'medcard-calendar-'));
const opened = useTestServer(() => ({ cabinet: cabinetOptions(mailDrop) }));
let db: Knex;
let desk: TestDevice;

beforeAll(async () => {
  db = opened.db;
  desk = await enrolTestDevice(db, opened.server);
});
afterAll(() => rmSync(mailDrop, { recursive: true, force: true }));

/** The clinic's admin publishes a year of the calendar as a desk does: the file as a blob, then the release. */
async function publishCalendar(year: number, xml: string): Promise<void> {
  const bytes = Buffer.from(xml, 'utf8');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const put = await desk.send('PUT', `/v1/blobs/${sha256}?offset=0&complete=1`, { raw: bytes });
  expect(put.status).toBe(200);
  const release = {
    kind: 'calendar-ru',
    name: `calendar-ru/${year}`,
    dictionary_version: `${year}`,
    source_name: `${year}.xml`,
    source_sha256: sha256,
    source_bytes: bytes.length,
    row_count: 0,
    refused_count: 0,
    created_at: new Date().toISOString(),
    created_by: testStaff.admin,
  };
  const results = await pushAs(
    desk,
    mutation({ table: 'dictionary_releases', actorId: testStaff.admin, changed: release }),
  );
  expect(outcomes(results)).toEqual(['applied']);
}

describe.skipIf(!hasSharedData)(`the server's production calendar (C2)${skipNote}`, () => {
  it('reads the clinic’s published years; a year not published counts weekends only, with a warning', async () => {
    await publishCalendar(2026, sharedCalendar(2026)!);
    const warnings: unknown[] = [];
    const source = { db, blobKey: testBlobKey, log: { warn: (...args: unknown[]) => warnings.push(args) } };
    const calendar = await serverCalendar(source, await defaultClinicId(db), [2026, 2027]);
    expect(calendar.isBusinessDay('2026-01-05')).toBe(false); // the New Year holidays, from the file
    expect(calendar.isBusinessDay('2026-01-12')).toBe(true);
    expect(calendar.isBusinessDay('2027-01-05')).toBe(true); // 2027 unpublished: a Tuesday is a working day
    expect(calendar.isBusinessDay('2027-01-09')).toBe(false); // … and a Saturday is not
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0])).toContain('2027');
  });
});

describe('an application taken at a desk', () => {
  it('carries the desk’s source in its number and a deadline no later than the server’s; the patient is told', async () => {
    const patientId = await enrolledPatient(desk);
    const source = deskApplicationSource(desk.id);
    const at = new Date();
    const base = {
      patient_id: patientId,
      account_id: null,
      channel: 'desk',
      urgent: false,
      status: 'submitted',
      submitted_at: at.toISOString(),
      due_at: new Date(at.getTime() + 3_600_000).toISOString(),
      contact_email: 'patient@example.ru',
      contact_phone: '+79161234567',
      device_id: desk.id,
    };
    const push = (changed: Record<string, unknown>) =>
      pushAs(
        desk,
        mutation({ table: 'applications', at: at.toISOString(), changed: { ...base, ...changed } as never }),
      );
    const other = source === 'AAAA' ? 'BBBB' : 'AAAA';
    expect(outcomes(await push({ number: `З-26-${other}-000001` }))).toEqual(['application.number.source']);
    expect(outcomes(await push({ number: `З-26-П-000001` }))).toEqual(['application.number.source']);
    expect(outcomes(await push({ number: 'З-26-1' }))).toEqual(['application.number.format']);
    expect(outcomes(await push({ number: `З-26-${source}-000001`, channel: 'portal' }))).toEqual([
      'application.channel',
    ]);
    expect(outcomes(await push({ number: `З-26-${source}-000001`, overdue_at: at.toISOString() }))).toEqual([
      'application.field.server_only',
    ]);
    const tooLate = new Date(at.getTime() + 30 * 24 * 3_600_000).toISOString();
    expect(outcomes(await push({ number: `З-26-${source}-000001`, due_at: tooLate }))).toEqual([
      'application.due_at.late',
    ]);
    const id = uuidv7();
    const applied = await pushAs(
      desk,
      mutation({
        table: 'applications',
        rowId: id,
        at: at.toISOString(),
        changed: { ...base, number: `З-26-${source}-000001` },
      }),
    );
    expect(outcomes(applied)).toEqual(['applied']);
    expect(outcomes(await push({ number: `З-26-${source}-000001` }))).toEqual(['application.number.taken']);
    const notices = await outbox(db, { applicationId: id });
    expect(notices.map((notice) => [notice.template, notice.recipient])).toEqual([
      ['application_received', 'patient@example.ru'],
    ]);
  });
});
