import { randomUUID } from 'node:crypto';
import { applyChanges } from '../../../../electron/store/sync-writers/server-changes';
import { importDocumentDictionaries } from '../../../support/document-dictionaries';
import { enrolPatient, openTempDesk, type TempDesk } from '../../../support/temp-desk';

/** A real encrypted desk with the 2026 production calendar and one patient, acting as the clerk. */
export interface ApplicationDesk extends TempDesk {
  patientId: string;
  /** The desk's clock: 25.11.2026 12:00 Moscow (a Wednesday). */
  now: string;
}

export async function openApplicationDesk(): Promise<ApplicationDesk> {
  const desk = await openTempDesk();
  importDocumentDictionaries(desk.ctx);
  const patientId = await enrolPatient(desk, { email: 'anna@example.org', phone: '+79161234567' });
  return { ...desk, patientId, now: desk.ctx.clock.now().toISOString() };
}

export type Envelope = {
  ok: boolean;
  data?: Record<string, unknown> & { [key: string]: unknown };
  error?: { code: string; field?: string; params?: Record<string, unknown> };
};

export const call = async (desk: TempDesk, name: string, input: unknown) =>
  (await desk.dispatch(name, input)) as Envelope;

const serverMade = { created_by: null, updated_by: null, device_id: null };

/** Rows as the server's sync brings them (made by no desk): the one way other desks' and the cabinet's data arrive. */
export function pulled(
  desk: TempDesk,
  table: string,
  version: number,
  rows: Record<string, string | number | null>[],
): string[] {
  const at = desk.ctx.clock.now().toISOString();
  const ids = rows.map((row) => String(row.id ?? randomUUID()));
  desk.store.transaction((tx) =>
    applyChanges(
      tx,
      rows.map((row, index) => ({
        table,
        rowId: ids[index]!,
        version,
        data: { created_at: at, updated_at: at, ...serverMade, ...row },
      })),
      at,
    ),
  );
  return ids;
}

/** A cabinet application as the server syncs it. */
export function portalApplication(
  desk: ApplicationDesk,
  fields: Partial<Record<string, string | number | null>> & { number: string; due_at: string },
): string {
  const [id] = pulled(desk, 'applications', 1, [
    {
      patient_id: desk.patientId,
      account_id: randomUUID(),
      channel: 'portal',
      urgent: 0,
      status: 'submitted',
      submitted_at: '2026-11-24T09:00:00.000Z',
      contact_email: 'anna@example.org',
      contact_phone: '+79161234567',
      ...fields,
    } as Record<string, string | number | null>,
  ]);
  return id!;
}

/** What makes the three checks of C3 pass: the identity confirmed online, a consent in force, the policy confirmed. */
export function meetChecks(
  desk: ApplicationDesk,
  which: { identity?: boolean; consent?: boolean; policy?: boolean } = {},
) {
  const { identity = true, consent = true, policy = true } = which;
  const at = desk.now;
  if (identity)
    pulled(desk, 'online_identity', 1, [
      { patient_id: desk.patientId, status: 'confirmed_online', failed_attempts: 0, verified_at: at },
    ]);
  if (consent)
    pulled(desk, 'consents', 1, [
      {
        patient_id: desk.patientId,
        text_version: '1',
        text_sha256: 'a'.repeat(64),
        method: 'scan',
        accepted_at: '2026-11-20T09:00:00.000Z',
        accepted_by: 'someone',
        created_by: 'someone',
        updated_by: 'someone',
        device_id: 'other-desk',
      },
    ]);
  if (policy)
    pulled(desk, 'identity_documents', 1, [
      {
        patient_id: desk.patientId,
        type: 'oms_policy',
        form: 'single',
        number: '7700000000000019',
        policy_status: 'confirmed',
        created_by: 'someone',
        updated_by: 'someone',
        device_id: 'other-desk',
      },
    ]);
}
