import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import {
  cabinetApiPrefix,
  cabinetPaths,
  csrfHeader,
  cabinetSessionCookie,
} from '../../../../shared/cabinet/cabinet-api';
import { validSnils } from '../../../support/fixtures';
import { outcomes, pushAs } from '../../portal/portal-setup';
import { mutation, newPatient, type TestDevice, type TestServer } from '../../support/test-server';
import { registeredApplicant, type CabinetBrowser } from '../accounts/cabinet-browser';

let serial = 0;

/** A SNILS no other card of this test run has. */
export function freshSnils(): string {
  serial += 1;
  return validSnils(String(300_000_000 + (process.pid % 10_000) * 1000 + serial).slice(-9));
}

/** A card enrolled at the desk (its phone and e-mail the clinic's), synced to the server. */
export async function cardAtDesk(
  desk: TestDevice,
  fields: { snils: string; phone?: string | null; email?: string | null; birth_date?: string },
): Promise<string> {
  const id = uuidv7();
  const changed = { ...newPatient(), phone: null, email: null, ...fields };
  expect(outcomes(await pushAs(desk, mutation({ rowId: id, changed })))).toEqual(['applied']);
  return id;
}

/** An identity document the desk recorded on the card. */
export async function documentAtDesk(
  desk: TestDevice,
  patientId: string,
  fields: Record<string, string | null>,
): Promise<void> {
  const changed = { patient_id: patientId, issue_date: '2015-04-01', superseded_at: null, deleted_at: null, ...fields };
  expect(outcomes(await pushAs(desk, mutation({ table: 'identity_documents', changed })))).toEqual(['applied']);
}

/**
 * A patient who registered in the cabinet with the SNILS and birth date of `card` (or of no card
 * at all), typing contacts of their own, and confirmed the e-mail: the browser holds the
 * applicant session of an account linked to the card.
 */
export async function applicantOf(
  server: TestServer,
  db: Knex,
  snils: string,
): Promise<{ browser: CabinetBrowser; accountId: string; patientId: string }> {
  const { browser, me } = await registeredApplicant(server, db, {
    snils,
    birthDate: newPatient().birth_date,
    phone: '+7 903 555-44-33',
  });
  if (me.patientId === null) throw new Error('the account was not linked to a card');
  return { browser, accountId: me.accountId, patientId: me.patientId };
}

/** The card's online_identity row as every desk pulls it. */
export async function syncedIdentity(db: Knex, patientId: string): Promise<Record<string, unknown> | undefined> {
  const row = (await db('records')
    .where({ table_name: 'online_identity' })
    .whereRaw("data->>'patient_id' = ?", [patientId])
    .first('data')) as { data: Record<string, unknown> } | undefined;
  return row?.data;
}

/** The attempts the B6 counter recorded for the card, oldest first. */
export async function attemptsOf(db: Knex, patientId: string) {
  return db('portal_identity_attempts')
    .where({ patient_id: patientId })
    .orderBy('id')
    .select<{ method: string; outcome: string; result: string }[]>('method', 'outcome', 'result');
}

/** Uploads a scan as the cabinet's page does (the file as the body), with the browser's session. */
export async function uploadScan(server: TestServer, browser: CabinetBrowser, file: Buffer): Promise<string> {
  const response = await fetch(`${server.origin}${cabinetApiPrefix}${cabinetPaths.scans}`, {
    method: 'POST',
    headers: {
      cookie: `${cabinetSessionCookie}=${browser.cookie ?? ''}`,
      [csrfHeader]: browser.csrf ?? '',
      'content-type': 'image/jpeg',
    },
    body: new Uint8Array(file),
  });
  const body = (await response.json()) as { scanId?: string };
  if (response.status !== 201 || !body.scanId) throw new Error(`upload: ${response.status} ${JSON.stringify(body)}`);
  return body.scanId;
}
