import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { toNumber, toRecord } from '../../../server/db/values';
import { incidentNumber } from '../../../shared/incidents/incident-number';
import type { Mutation } from '../../../shared/sync/protocol';
import { outcomes, pushAs } from '../portal/portal-setup';
import { mutation, testStaff, type TestDevice } from '../support/test-server';

/** Pushes and answers each mutation's status or refusal code. */
export const push = async (desk: TestDevice, ...mutations: Mutation[]) => outcomes(await pushAs(desk, ...mutations));

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

/** A new incident as a desk's outbox sends it (`changed` overrides), by the clerk unless told. */
export function openedIncident(
  desk: TestDevice,
  changed: Mutation['changed'] = {},
  actorId: string = testStaff.clerk,
): Mutation {
  const now = new Date().toISOString();
  return mutation({
    table: 'incidents',
    actorId,
    at: now,
    changed: {
      number: incidentNumber(2026, randomBytes(6)),
      kind: 'personal_data_leak',
      severity: 'high',
      status: 'open',
      title: 'Выписка ушла не тому пациенту',
      description: 'Письмо с выпиской отправлено на чужой адрес',
      detected_at: hoursAgo(2),
      opened_by: actorId,
      source: 'staff',
      alert_key: null,
      handler_id: null,
      resolution: null,
      resolved_at: null,
      resolved_by: null,
      review: null,
      reviewed_at: null,
      reviewed_by: null,
      notified_at: null,
      notified_by: null,
      results_at: null,
      results_by: null,
      created_at: now,
      created_by: actorId,
      updated_at: now,
      updated_by: actorId,
      device_id: desk.id,
      ...changed,
    },
  });
}

export async function incidentData(db: Knex, id: string): Promise<{ version: number; data: Record<string, unknown> }> {
  const row = await db('records')
    .where({ table_name: 'incidents', id })
    .first<{ version: unknown; data: unknown }>('version', 'data');
  return { version: toNumber(row.version), data: toRecord(row.data) };
}

/** A manager's step on the incident as the desk's outbox sends it (the admin unless told). */
export async function incidentStep(
  db: Knex,
  desk: TestDevice,
  id: string,
  changed: Mutation['changed'],
  actorId: string = testStaff.admin,
): Promise<Mutation> {
  const { version } = await incidentData(db, id);
  const now = new Date().toISOString();
  return mutation({
    table: 'incidents',
    rowId: id,
    baseVersion: version,
    actorId,
    at: now,
    changed: { ...changed, updated_at: now, updated_by: actorId, device_id: desk.id },
  });
}

/** A timeline entry as the desk writes it. */
export function entry(
  desk: TestDevice,
  incidentId: string,
  changed: Mutation['changed'],
  actorId: string = testStaff.admin,
): Mutation {
  const now = new Date().toISOString();
  return mutation({
    table: 'incident_entries',
    rowId: uuidv7(),
    actorId,
    at: now,
    changed: {
      incident_id: incidentId,
      kind: 'note',
      at: now,
      author_id: actorId,
      note: 'Проверили журнал отправки',
      from_value: null,
      to_value: null,
      created_at: now,
      created_by: actorId,
      updated_at: now,
      updated_by: actorId,
      device_id: desk.id,
      ...changed,
    },
  });
}

export const take = (actorId: string = testStaff.admin) => ({ status: 'handling', handler_id: actorId });
export const resolve = (actorId: string = testStaff.admin) => ({
  status: 'resolved',
  resolution: 'Письмо отозвано, адресат подтвердил удаление',
  resolved_at: new Date().toISOString(),
  resolved_by: actorId,
});
export const review = (actorId: string = testStaff.admin) => ({
  status: 'reviewed',
  review: 'Причина: адрес подставлялся из старой карты. Изменено: адрес сверяется при отправке.',
  reviewed_at: new Date().toISOString(),
  reviewed_by: actorId,
});
export const notice = (which: 'notified' | 'results', at: string, actorId: string = testStaff.admin) => ({
  [`${which}_at`]: at,
  [`${which}_by`]: actorId,
});
export { hoursAgo, randomBytes };
