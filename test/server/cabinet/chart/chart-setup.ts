import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { openCabinetSession } from '../../../../server/cabinet/session/cabinet-session';
import { defaultClinicId } from '../../../../server/clinics/clinics';
import { withChangeLog } from '../../../../server/sync/change-log';
import { stored, writeServerRow, type RowData } from '../../../../server/sync/server-rows';
import { cabinetSessionCookie, csrfHeader } from '../../../../shared/cabinet/cabinet-api';
import { outcomes, pushAs } from '../../portal/portal-setup';
import { mutation, staffRow, testStaff, type TestDevice, type TestServer } from '../../support/test-server';
import { CabinetBrowser } from '../accounts/cabinet-browser';
import type { CabinetUploader } from '../uploads/cabinet-uploader';

/**
 * A patient signed in to the cabinet after activation (`patient` stage), linked to `patientId`:
 * the account as registration leaves it and a session of the real session store, held by a
 * browser (cookie and CSRF token) and by the raw-upload helper alike.
 */
export async function signedInPatient(
  db: Knex,
  server: TestServer,
  patientId: string,
  now: Date,
): Promise<{ browser: CabinetBrowser; uploader: CabinetUploader; accountId: string }> {
  const clinicId = await defaultClinicId(db);
  const accountId = uuidv7();
  await db('cabinet_accounts').insert({
    id: accountId,
    clinic_id: clinicId,
    surname: 'Иванова',
    name: 'Мария',
    patronymic: 'Петровна',
    birth_date: '1980-03-15',
    sex: 'F',
    email: `patient-${accountId}@example.ru`,
    phone: '+79161234567',
    email_confirmed_at: now,
    phone_confirmed_at: now,
    patient_id: patientId,
    created_at: now,
    updated_at: now,
  });
  const session = await openCabinetSession(db, { accountId, clinicId, stage: 'patient' }, now);
  const browser = new CabinetBrowser(server);
  browser.cookie = session.cookieValue;
  browser.csrf = session.csrfToken;
  const uploader = {
    accountId,
    headers: { cookie: `${cabinetSessionCookie}=${session.cookieValue}`, [csrfHeader]: session.csrfToken },
  };
  return { browser, uploader, accountId };
}

/** A doctor's account as the clinic's admin creates it at a desk, pushed to the server. */
export async function doctorOnServer(desk: TestDevice, name: string): Promise<string> {
  const id = uuidv7();
  const results = await pushAs(
    desk,
    mutation({ table: 'staff', rowId: id, actorId: testStaff.admin, changed: staffRow(name, 'doctor') }),
  );
  expect(outcomes(results)).toEqual(['applied']);
  return id;
}

const entryDefaults: RowData = {
  kind: 'encounter',
  encounter_id: null,
  visit_type: null,
  doctor_id: null,
  code: null,
  status: null,
  body: '{}',
  overrides: null,
  revision: 1,
  source: 'desk',
  amended_at: null,
  amended_by: null,
  amend_reason: null,
  report_id: null,
  deleted_at: null,
  deleted_by: null,
  deleted_reason: null,
};

/** A chart row as the clinic's desks left it on the server (the cabinet only reads them). */
export async function chartRow(
  db: Knex,
  table: 'chart_entries' | 'chart_revisions' | 'chart_reports',
  fields: RowData,
  id: string = uuidv7(),
): Promise<string> {
  const clinicId = await defaultClinicId(db);
  const at = new Date().toISOString();
  const data = table === 'chart_entries' ? { ...entryDefaults, ...fields } : fields;
  await withChangeLog(db, { now: new Date(), clinicId }, async (log) => {
    const current = await log
      .trx('records')
      .where({ table_name: table, id })
      .first<{ id: string; data: unknown; field_versions: unknown } | undefined>('id', 'data', 'field_versions');
    await writeServerRow(log, table, id, current ? stored(current) : undefined, data, at);
  });
  return id;
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
