import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { incidentNumber } from '../../../shared/incidents/incident-number';
import { openedIncidentRow } from '../../../shared/incidents/opened-incident';
import type { Mutation } from '../../../shared/sync/protocol';
import { outcomes, pushAs } from '../portal/portal-setup';
import { deskChange, mutation, serverRow, testStaff, type TestDevice } from '../support/test-server';

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
      ...openedIncidentRow({
        number: incidentNumber(2026, randomBytes(6)),
        kind: 'personal_data_leak',
        severity: 'high',
        title: 'Выписка ушла не тому пациенту',
        description: 'Письмо с выпиской отправлено на чужой адрес',
        detected_at: hoursAgo(2),
        opened_by: actorId,
        source: 'staff',
        alert_key: null,
      }),
      created_at: now,
      created_by: actorId,
      updated_at: now,
      updated_by: actorId,
      device_id: desk.id,
      ...changed,
    },
  });
}

export const incidentData = (db: Knex, id: string) => serverRow(db, 'incidents', id);

/** A manager's step on the incident as the desk's outbox sends it (the admin unless told). */
export const incidentStep = (
  db: Knex,
  desk: TestDevice,
  id: string,
  changed: Mutation['changed'],
  actorId: string = testStaff.admin,
) => deskChange(db, desk, { table: 'incidents', id, actorId }, changed);

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
