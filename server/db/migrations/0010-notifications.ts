import type { Knex } from 'knex';

/**
 * The notification outbox (issue 11, C5). A message is one row, queued in the transaction that
 * decided to send it and sent by the worker (server/notifications/worker.ts), which claims due
 * rows with `FOR UPDATE SKIP LOCKED` under a lease, so several instances share the queue and a
 * crashed sender's row is retried after its lease. `params` may hold one-time codes: they are
 * scrubbed from the row once it is sent, given up or skipped (only what the journal needs stays).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('notification_outbox', (table) => {
    table.uuid('id').primary();
    table.uuid('clinic_id').notNullable().references('clinics.id');
    table.uuid('account_id');
    table.uuid('application_id');
    table.text('channel').notNullable();
    table.text('recipient').notNullable();
    table.text('template').notNullable();
    table.jsonb('params').notNullable();
    // queued | sending | sent | failed | skipped (a status notice on a channel the patient turned off)
    table.text('status').notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.timestamp('next_attempt_at', { useTz: true }).notNullable();
    table.timestamp('lease_until', { useTz: true });
    // An error code only (shared/errors/codes/notifications.ts), never a provider's text.
    table.text('last_error');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('sent_at', { useTz: true });
    table.text('provider_id');
  });
  await knex.raw(`ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_status
    CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'skipped'))`);
  await knex.raw(`ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_channel
    CHECK (channel IN ('email', 'sms'))`);
  // The worker's claim: rows not yet done, by when they are due.
  await knex.raw(
    `CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at)
     WHERE status IN ('queued', 'sending')`,
  );
  await knex.raw(
    'CREATE INDEX notification_outbox_application ON notification_outbox (application_id) WHERE application_id IS NOT NULL',
  );
}

export async function down(): Promise<void> {
  throw new Error('0010-notifications is not reversible');
}
