import { randomUUID } from 'node:crypto';
import { importDocumentDictionaries } from '../../../support/document-dictionaries';
import { enrolPatient, openTempDesk, type TempDesk } from '../../../support/temp-desk';
import { pulled } from '../applications/application-desk';

/** A real encrypted desk with the 2026 production calendar and one patient, acting as a clerk. */
export interface RequestDesk extends TempDesk {
  patientId: string;
}

export async function openRequestDesk(): Promise<RequestDesk> {
  const desk = await openTempDesk();
  importDocumentDictionaries(desk.ctx);
  const patientId = await enrolPatient(desk, { email: 'anna@example.org', phone: '+79161234567' });
  return { ...desk, patientId };
}

type Fields = Partial<Record<string, string | number | null>>;

/** A patient's record request as the server's sync brings it from the cabinet. */
export function pulledRequest(desk: RequestDesk, fields: Fields & { number: string; due_on: string }): string {
  const [id] = pulled(desk, 'record_requests', 1, [
    {
      patient_id: desk.patientId,
      account_id: randomUUID(),
      purpose: 'Консультация в другой клинике',
      materials: JSON.stringify({ sections: ['all'] }),
      formats: JSON.stringify(['pdf']),
      submitted_at: '2026-11-18T09:00:00.000Z',
      confirmed_via: 'sms',
      status: 'open',
      ...fields,
    } as Record<string, string | number | null>,
  ]);
  return id!;
}

export type Envelope<T = Record<string, unknown>> = {
  ok: boolean;
  data?: T;
  error?: { code: string; field?: string; params?: Record<string, unknown> };
};

export const call = async <T = Record<string, unknown>>(desk: TempDesk, name: string, input: unknown) =>
  (await desk.dispatch(name, input)) as Envelope<T>;

/** The audit events of an action, newest last. */
export function auditOf(desk: TempDesk, action: string): { patient_id: string | null; details: string }[] {
  return desk.store.read((tx) =>
    tx.all<{ patient_id: string | null; details: string }>(
      'SELECT patient_id, details FROM audit_events WHERE action = ? ORDER BY seq',
      [action],
    ),
  );
}

/** The outbox entries of a table, in order: what the sync worker will push. */
export function outboxOf(desk: TempDesk, table: string): { row_id: string; changed: Record<string, unknown> }[] {
  return desk.store.read((tx) =>
    tx
      .all<{ row_id: string; changed: string }>(
        'SELECT row_id, changed FROM sync_outbox WHERE table_name = ? ORDER BY seq',
        [table],
      )
      .map((row) => ({ row_id: row.row_id, changed: JSON.parse(row.changed) as Record<string, unknown> })),
  );
}
