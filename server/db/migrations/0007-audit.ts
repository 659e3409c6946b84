import type { Knex } from 'knex';

/**
 * The desks' audit chains, anchored off the desk (issue 10, item 3). One chain per device, in its
 * own numbering (`seq`), each event as the desk hashed it; `position` orders all of a clinic's
 * events for the auditor's pages. Append-only: no code path updates or deletes, and the database
 * refuses it too (the trigger below), so even a bug cannot rewrite what a desk has anchored.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_events', (table) => {
    table.bigIncrements('position').primary();
    table.uuid('clinic_id').notNullable().references('clinics.id');
    table.uuid('device_id').notNullable().references('devices.id');
    table.bigInteger('seq').notNullable();
    table.text('event_id').notNullable();
    // The desk's ISO instant exactly as hashed (toISOString: it also sorts as text).
    table.text('at').notNullable();
    table.text('actor_id').notNullable();
    table.text('actor_role').notNullable();
    // The desk's own id for itself, as hashed (the chain is keyed by the enrolled device).
    table.text('desk_id').notNullable();
    table.text('action').notNullable();
    table.text('patient_id');
    // Canonical JSON as hashed.
    table.text('details').notNullable();
    table.text('prev_hash').notNullable();
    table.text('hash').notNullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.unique(['device_id', 'seq']);
  });
  await knex.raw('CREATE INDEX audit_events_clinic ON audit_events (clinic_id, position)');
  await knex.raw(
    'CREATE INDEX audit_events_clinic_patient ON audit_events (clinic_id, patient_id, position) WHERE patient_id IS NOT NULL',
  );
  await knex.raw('CREATE INDEX audit_events_clinic_actor ON audit_events (clinic_id, actor_id, position)');
  await knex.raw(`
    CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit events are append-only';
    END
    $$`);
  await knex.raw(
    'CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()',
  );
  await knex.raw(
    'CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()',
  );
}

export async function down(): Promise<void> {
  throw new Error('The anchored audit is not reversible: it is kept for good.');
}
