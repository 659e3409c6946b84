import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { pushResponseSchema, type Mutation, type MutationResult } from '../../../shared/sync/protocol';
import { mutation, newPatient, type TestDevice } from '../support/test-server';

/** Pushes as a desk would and gives back each mutation's status, or its refusal code. */
export async function pushAs(desk: TestDevice, ...mutations: Mutation[]): Promise<MutationResult[]> {
  const reply = await desk.push(mutations);
  expect(reply.status).toBe(200);
  return pushResponseSchema.parse(reply.json()).results;
}

export const outcomes = (results: MutationResult[]) => results.map((r) => (r.status === 'refused' ? r.code : r.status));

/** A patient enrolled at a desk and synced to the server. */
export async function enrolledPatient(desk: TestDevice): Promise<string> {
  const id = uuidv7();
  expect(outcomes(await pushAs(desk, mutation({ rowId: id, changed: newPatient() })))).toEqual(['applied']);
  return id;
}

/** A consent to processing accepted at the desk now (B8), synced to the server. */
export async function acceptedConsent(desk: TestDevice, patientId: string): Promise<void> {
  const at = new Date(Date.now() - 60_000).toISOString();
  const changed = {
    patient_id: patientId,
    text_version: '1.0',
    method: 'signature',
    accepted_at: at,
    withdrawn_at: null,
  };
  expect(outcomes(await pushAs(desk, mutation({ table: 'consents', changed })))).toEqual(['applied']);
}
