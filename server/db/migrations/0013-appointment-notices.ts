import type { Knex } from 'knex';

/**
 * The patient's messages about a booking (issue 13, E3), server-only tables:
 *
 * - `appointment_reminders`: one row per booking, the reminder the day before — when it is due,
 *   and whether it is still to go (`pending`), went into the outbox (`queued`) or will not go
 *   (`dropped`: cancelled, moved, or its time passed). The sweep (server/appointments/notices/
 *   reminders.ts) queues a due one and marks it in the same transaction, so it goes once.
 * - `appointment_calendar`: the `.ics` event of a booking — its UID (the first booking of a chain
 *   of moves, so the patient's calendar moves the event instead of adding one) and SEQUENCE.
 * - `appointment_video_rooms`, `appointment_video_tokens`: a remote visit's room name (random)
 *   and the links to it; a link's token is never kept, only its SHA-256.
 * - `notification_outbox.dedupe_key`: a message queued under a key is queued once, however many
 *   times it is asked for (the reminder's exactly-once, also across a restart mid-sweep).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('appointment_reminders', (table) => {
    table.text('appointment_id').primary();
    table.uuid('clinic_id').notNullable().references('clinics.id');
    // The visit's start it was planned for: a booking whose start changed is planned again.
    table.timestamp('starts_at', { useTz: true }).notNullable();
    table.timestamp('due_at', { useTz: true }).notNullable();
    // pending | queued | dropped
    table.text('status').notNullable();
    table.timestamp('done_at', { useTz: true });
  });
  await knex.raw(`ALTER TABLE appointment_reminders ADD CONSTRAINT appointment_reminders_status
    CHECK (status IN ('pending', 'queued', 'dropped'))`);
  await knex.raw("CREATE INDEX appointment_reminders_due ON appointment_reminders (due_at) WHERE status = 'pending'");

  await knex.schema.createTable('appointment_calendar', (table) => {
    table.text('appointment_id').primary();
    table.uuid('clinic_id').notNullable().references('clinics.id');
    table.text('uid').notNullable();
    table.integer('sequence').notNullable();
  });

  await knex.schema.createTable('appointment_video_rooms', (table) => {
    table.text('appointment_id').primary();
    table.uuid('clinic_id').notNullable().references('clinics.id');
    table.text('room').notNullable().unique();
    table.timestamp('created_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('appointment_video_tokens', (table) => {
    // SHA-256 (hex) of the link's token.
    table.text('token_hash').primary();
    table.uuid('clinic_id').notNullable().references('clinics.id');
    table.text('appointment_id').notNullable();
    // message (sent to the patient) | view (shown in the cabinet; only the newest few are kept)
    table.text('purpose').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
  });
  await knex.raw(
    'CREATE INDEX appointment_video_tokens_appointment ON appointment_video_tokens (appointment_id, purpose, created_at)',
  );

  await knex.schema.alterTable('notification_outbox', (table) => {
    table.text('dedupe_key');
  });
  // NULLs are distinct: messages without a key are never folded together.
  await knex.raw('CREATE UNIQUE INDEX notification_outbox_dedupe ON notification_outbox (dedupe_key)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX notification_outbox_dedupe');
  await knex.schema.alterTable('notification_outbox', (table) => {
    table.dropColumn('dedupe_key');
  });
  await knex.schema.dropTable('appointment_video_tokens');
  await knex.schema.dropTable('appointment_video_rooms');
  await knex.schema.dropTable('appointment_calendar');
  await knex.schema.dropTable('appointment_reminders');
}
