import type { Knex } from 'knex';

/**
 * Online identity confirmation (B6), one row per patient, synced. The server makes the row and
 * keeps its counter and lock as the patients' portal reports attempts (made by no desk and no
 * person: `created_by`, `updated_by` and `device_id` may be null); a desk only records the
 * in-person verification of a locked patient. `documents_seen` and `scan_ids` are JSON arrays.
 *
 * No foreign key to `patients`: a new desk's first sync takes rows table by table in name order,
 * so this row can arrive before its patient.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('online_identity', (table) => {
    table.text('id').primary();
    table.integer('version').notNullable().defaultTo(0);
    table.text('created_at').notNullable();
    table.text('created_by');
    table.text('updated_at').notNullable();
    table.text('updated_by');
    table.text('device_id');

    table.text('patient_id').notNullable();
    table.text('status').notNullable();
    table.integer('failed_attempts').notNullable().defaultTo(0);
    table.text('locked_at');
    table.text('verified_at');
    table.text('verified_by');
    table.text('documents_seen');
    table.text('scan_ids');
    table.text('note');
  });
  await knex.raw('CREATE UNIQUE INDEX online_identity_patient ON online_identity (patient_id)');
  // The verification queue: locked patients, oldest lock first.
  await knex.raw('CREATE INDEX online_identity_queue ON online_identity (status, locked_at)');
}

export async function down(): Promise<void> {
  throw new Error('Online identity records are not removed: they are part of patients’ identity checks.');
}
