import type { Knex } from 'knex';

/** Columns every synced row carries (ARCHITECTURE: sync protocol). */
function syncedRow(table: Knex.CreateTableBuilder): void {
  table.text('id').primary();
  // The server's sequence number of the row's last applied change; 0 until the server confirms.
  table.integer('version').notNullable().defaultTo(0);
  table.text('created_at').notNullable();
  table.text('created_by').notNullable();
  table.text('updated_at').notNullable();
  table.text('updated_by').notNullable();
  table.text('device_id').notNullable();
}

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('devices', (table) => {
    table.text('id').primary();
    table.text('name').notNullable();
    table.integer('is_self').notNullable().defaultTo(0);
    table.text('created_at').notNullable();
  });

  await knex.schema.createTable('staff', (table) => {
    syncedRow(table);
    table.text('login').notNullable().unique();
    table.text('display_name').notNullable();
    table.text('role').notNullable();
    // 'setup': the workstation's own account, the actor until staff sign in; 'person': a human.
    table.text('kind').notNullable().defaultTo('person');
    table.integer('active').notNullable().defaultTo(1);
  });

  await knex.schema.createTable('patients', (table) => {
    syncedRow(table);
    table.text('surname').notNullable();
    table.text('name').notNullable();
    table.text('patronymic');
    table.text('birth_date').notNullable();
    table.text('sex').notNullable();
    table.integer('foreign_citizen').notNullable().defaultTo(0);
    table.text('snils');
    table.text('enp');
    table.text('inn');
    table.text('phone');
    table.text('email');
    // Search keys: lower case, ё folded to е.
    table.text('surname_fold').notNullable();
    table.text('name_fold').notNullable();
    table.text('patronymic_fold').notNullable().defaultTo('');
    // Tombstone: rows are never deleted (ARCHITECTURE rule 5).
    table.text('deleted_at');
  });
  await knex.raw(
    'CREATE INDEX patients_name_search ON patients (surname_fold, name_fold, patronymic_fold, birth_date)',
  );
  await knex.raw('CREATE UNIQUE INDEX patients_snils ON patients (snils) WHERE snils IS NOT NULL');
  await knex.raw('CREATE UNIQUE INDEX patients_enp ON patients (enp) WHERE enp IS NOT NULL');
  await knex.raw('CREATE UNIQUE INDEX patients_inn ON patients (inn) WHERE inn IS NOT NULL');
  await knex.raw('CREATE INDEX patients_phone ON patients (phone) WHERE phone IS NOT NULL');
  await knex.raw('CREATE INDEX patients_birth_date ON patients (birth_date)');

  await knex.schema.createTable('audit_events', (table) => {
    table.increments('seq').primary();
    table.text('id').notNullable().unique();
    table.text('at').notNullable();
    table.text('actor_id').notNullable();
    table.text('actor_role').notNullable();
    table.text('device_id').notNullable();
    table.text('action').notNullable();
    table.text('patient_id');
    table.text('details').notNullable();
    table.text('prev_hash').notNullable();
    table.text('hash').notNullable();
  });
  await knex.raw('CREATE INDEX audit_events_patient ON audit_events (patient_id, seq) WHERE patient_id IS NOT NULL');
  // Append-only (F1): the database itself refuses to change or remove an event.
  await knex.raw(
    "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END",
  );
  await knex.raw(
    "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END",
  );

  await knex.schema.createTable('sync_outbox', (table) => {
    table.increments('seq').primary();
    table.text('mutation_id').notNullable().unique();
    table.text('table_name').notNullable();
    table.text('row_id').notNullable();
    table.integer('base_version').notNullable();
    table.text('changed').notNullable();
    table.text('actor_id').notNullable();
    table.text('device_id').notNullable();
    table.text('created_at').notNullable();
  });

  await knex.schema.createTable('settings', (table) => {
    table.text('key').primary();
    table.text('value').notNullable();
  });
}

export async function down(): Promise<void> {
  throw new Error('The initial schema is not reversible: clinical data is never dropped.');
}
