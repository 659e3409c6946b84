import type { Knex } from 'knex';
import { syncColumns } from './0020-applications';

/**
 * Appointments (issue 13, E1–E3): the schedule and the bookings, synced tables with columns as
 * `syncedFields` in shared/sync/protocol.ts. Booleans (`active`) are 0/1; `breaks` and
 * `service_type_ids` hold JSON; times of day are the clinic's local `HH:MM`, days ISO dates,
 * instants UTC ISO strings (so they sort as text).
 *
 * Free slots are computed from these rows (shared/appointments/free-slots.ts), never stored. The
 * indexes serve the day and week views (one specialist's or one room's bookings in a range) and a
 * patient's bookings (the card, the patient's other bookings at that time).
 *
 * No foreign keys: a new desk's first sync takes rows table by table.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('specialists', (table) => {
    syncColumns(table);
    table.text('staff_id');
    table.text('display_name').notNullable();
    table.text('specialty_code').notNullable();
    table.text('position_code').notNullable();
    table.text('department');
    table.text('room_id');
    table.integer('active').notNullable().defaultTo(1);
  });
  await knex.raw('CREATE INDEX specialists_staff ON specialists (staff_id) WHERE staff_id IS NOT NULL');

  await knex.schema.createTable('rooms', (table) => {
    syncColumns(table);
    table.text('name').notNullable();
    table.integer('active').notNullable().defaultTo(1);
  });

  await knex.schema.createTable('service_types', (table) => {
    syncColumns(table);
    table.text('service_code').notNullable();
    table.text('name').notNullable();
    table.integer('duration_min').notNullable();
    table.text('mode').notNullable();
    table.integer('daily_limit');
    table.text('instructions');
    table.integer('active').notNullable().defaultTo(1);
  });

  await knex.schema.createTable('work_patterns', (table) => {
    syncColumns(table);
    table.text('specialist_id').notNullable();
    table.text('room_id');
    table.integer('weekday').notNullable();
    table.text('starts').notNullable();
    table.text('ends').notNullable();
    table.text('breaks').notNullable().defaultTo('[]');
    table.text('service_type_ids');
    table.text('valid_from').notNullable();
    table.text('valid_to');
    table.text('deleted_at');
  });
  await knex.raw('CREATE INDEX work_patterns_specialist ON work_patterns (specialist_id, weekday)');

  await knex.schema.createTable('schedule_exceptions', (table) => {
    syncColumns(table);
    table.text('specialist_id');
    table.text('kind').notNullable();
    table.text('from_date').notNullable();
    table.text('to_date').notNullable();
    table.text('starts');
    table.text('ends');
    table.text('note');
    table.text('deleted_at');
  });
  await knex.raw('CREATE INDEX schedule_exceptions_range ON schedule_exceptions (to_date, from_date)');

  await knex.schema.createTable('appointments', (table) => {
    syncColumns(table);
    table.text('patient_id').notNullable();
    table.text('specialist_id').notNullable();
    table.text('room_id');
    table.text('service_type_id').notNullable();
    table.text('starts_at').notNullable();
    table.text('ends_at').notNullable();
    table.text('mode').notNullable();
    table.text('status').notNullable();
    table.text('source').notNullable().defaultTo('desk');
    table.text('replaces_id');
    table.text('replaced_by');
    table.text('refused_code');
    table.text('note');
    table.text('patient_time_zone');
    table.text('booked_at');
    table.text('cancelled_at');
    table.text('cancelled_by');
    table.text('cancel_reason');
    table.text('arrived_at');
    table.text('no_show_at');
  });
  await knex.raw('CREATE INDEX appointments_specialist ON appointments (specialist_id, starts_at)');
  await knex.raw('CREATE INDEX appointments_room ON appointments (room_id, starts_at) WHERE room_id IS NOT NULL');
  await knex.raw('CREATE INDEX appointments_patient ON appointments (patient_id, starts_at)');

  await knex.schema.createTable('appointment_attachments', (table) => {
    syncColumns(table);
    table.text('appointment_id').notNullable();
    table.text('patient_id').notNullable();
    table.text('kind').notNullable();
    table.text('title').notNullable();
    table.text('scan_id');
    table.text('chart_entry_id');
    table.text('added_via').notNullable();
    table.text('deleted_at');
  });
  await knex.raw('CREATE INDEX appointment_attachments_appointment ON appointment_attachments (appointment_id)');
}

export async function down(): Promise<void> {
  throw new Error('0025-appointments is not reversible: bookings are part of the medical record.');
}
