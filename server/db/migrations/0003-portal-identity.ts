import type { Knex } from 'knex';

/**
 * The patients' portal (B6): every online identity-confirmation attempt it reports, accepted or
 * refused, kept on the server for audit. The state those attempts lead to is the synced row
 * `online_identity` (in `records`), one per patient, found by the index below.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('portal_identity_attempts', (table) => {
    table.bigIncrements('id').primary();
    table.text('patient_id').notNullable();
    table.text('method').notNullable();
    table.text('outcome').notNullable();
    // 'counted': it changed the row; 'refused_locked': it came while online confirmation was locked.
    table.text('result').notNullable();
    // The row after the attempt: failures in a row and status.
    table.integer('failed_attempts').notNullable();
    table.text('status').notNullable();
    // The change that recorded it (null when refused).
    table.bigInteger('seq');
    table.timestamp('at', { useTz: true }).notNullable();
  });
  await knex.raw('CREATE INDEX portal_identity_attempts_patient ON portal_identity_attempts (patient_id, at)');

  // Every access question the portal asked and the answer it got (an unknown patient too), so an
  // auditor can see when the portal was told it may show a patient their records.
  await knex.schema.createTable('portal_access_checks', (table) => {
    table.bigIncrements('id').primary();
    table.text('patient_id').notNullable();
    table.boolean('allowed').notNullable();
    // Null for a patient the server does not have.
    table.text('identity_status');
    table.text('consent_reason');
    table.timestamp('at', { useTz: true }).notNullable();
  });
  await knex.raw('CREATE INDEX portal_access_checks_patient ON portal_access_checks (patient_id, at)');

  // One online identity row per patient, and a quick way from a patient to it.
  await knex.raw(
    "CREATE UNIQUE INDEX records_online_identity_patient ON records ((data->>'patient_id')) WHERE table_name = 'online_identity'",
  );
  // The access check reads a patient's consents (B8) on every portal request.
  await knex.raw(
    "CREATE INDEX records_consents_patient ON records ((data->>'patient_id')) WHERE table_name = 'consents'",
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX records_consents_patient');
  await knex.raw('DROP INDEX records_online_identity_patient');
  await knex.schema.dropTable('portal_access_checks');
  await knex.schema.dropTable('portal_identity_attempts');
}
