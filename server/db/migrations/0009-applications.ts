import type { Knex } from 'knex';

/**
 * Applications for online access (issue 11): the server's side. The applications and their
 * journal are synced rows (`records`, tables `applications` and `application_events`); here are
 * what only the server holds:
 *
 * - `application_counters`: the last number given per clinic, source (`П` the cabinet, or a
 *   desk's four characters) and year — `З-26-П-000123` takes the next one in the submitting
 *   transaction, so two submissions never share a number;
 * - a unique index on an application's number within its clinic (a desk's repeat is refused);
 * - `activation_codes`: codes that let an approved patient set a password, kept as
 *   HMAC-SHA-256 under a key derived from the master key (never in clear), single use, expiring,
 *   with their wrong tries counted.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('application_counters', (table) => {
    table.uuid('clinic_id').notNullable().references('clinics.id');
    table.text('source').notNullable();
    table.integer('year').notNullable();
    table.integer('last').notNullable();
    table.primary(['clinic_id', 'source', 'year']);
  });
  await knex.raw(
    `CREATE UNIQUE INDEX records_application_number ON records (clinic_id, (data->>'number'))
     WHERE table_name = 'applications'`,
  );
  // The deadline sweeper's question (due, undecided, not yet flagged) and the journal by application.
  await knex.raw(
    `CREATE INDEX records_application_due ON records ((data->>'due_at'))
     WHERE table_name = 'applications' AND data->>'overdue_at' IS NULL`,
  );
  await knex.raw(
    `CREATE INDEX records_application_event ON records ((data->>'application_id'))
     WHERE table_name = 'application_events'`,
  );
  await knex.raw(
    `CREATE INDEX records_application_account ON records (clinic_id, (data->>'account_id'))
     WHERE table_name = 'applications'`,
  );

  await knex.schema.createTable('activation_codes', (table) => {
    table.uuid('id').primary();
    table.uuid('clinic_id').notNullable().references('clinics.id');
    table.text('application_id').notNullable();
    table.uuid('account_id').notNullable().references('cabinet_accounts.id');
    // email | sms | print
    table.text('channel').notNullable();
    table.text('code_hash').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.timestamp('used_at', { useTz: true });
    table.integer('attempts').notNullable().defaultTo(0);
  });
  await knex.raw('CREATE INDEX activation_codes_account ON activation_codes (account_id, created_at)');
}

export async function down(): Promise<void> {
  throw new Error('0009-applications is not reversible');
}
