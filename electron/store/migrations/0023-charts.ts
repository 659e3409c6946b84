import type { Knex } from 'knex';
import { syncColumns } from './0020-applications';

/**
 * The clinical chart (issue 12): synced tables, columns as `syncedFields` in shared/sync/protocol.ts.
 *
 * - `chart_entries`: every kind of entry; `chart_history` is the timeline's covering index — a
 *   patient's summary rows newest first without touching the table (the body is read only when
 *   an entry is opened);
 * - `chart_revisions`: the previous versions (D4);
 * - `chart_reports`: patients' inaccuracy reports and their outcome;
 * - `share_consents`, `chart_shares`: consents to share and each sending (D6);
 * - `dictionary_words`: each word of a dictionary entry's name (folded: lower case, ё → е), so a
 *   search finds an entry by any of its words in any order (МКБ-10 «инфекция острая»).
 *
 * No foreign keys: a new desk's first sync takes rows table by table.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('chart_entries', (table) => {
    syncColumns(table);
    table.text('patient_id').notNullable();
    table.text('kind').notNullable();
    table.text('encounter_id');
    table.text('occurred_at').notNullable();
    table.text('visit_type');
    table.text('doctor_id');
    table.text('code');
    table.text('summary').notNullable();
    table.text('status');
    table.text('body').notNullable();
    table.text('overrides');
    table.integer('revision').notNullable().defaultTo(1);
    table.text('source').notNullable().defaultTo('desk');
    table.text('amended_at');
    table.text('amended_by');
    table.text('amend_reason');
    table.text('report_id');
    table.text('deleted_at');
    table.text('deleted_by');
    table.text('deleted_reason');
  });
  await knex.raw(
    `CREATE INDEX chart_history ON chart_entries (patient_id, occurred_at DESC, id DESC, kind, visit_type,
       doctor_id, code, status, revision, amended_at, deleted_at, encounter_id, source, summary)`,
  );
  await knex.raw('CREATE INDEX chart_entries_encounter ON chart_entries (encounter_id) WHERE encounter_id IS NOT NULL');
  // The prescription check's question: this patient's allergies and prescriptions.
  await knex.raw('CREATE INDEX chart_entries_kind ON chart_entries (patient_id, kind, status)');

  await knex.schema.createTable('chart_revisions', (table) => {
    syncColumns(table);
    table.text('entry_id').notNullable();
    table.text('patient_id').notNullable();
    table.integer('revision').notNullable();
    table.text('occurred_at').notNullable();
    table.text('code');
    table.text('summary').notNullable();
    table.text('status');
    table.text('body').notNullable();
    table.text('replaced_at').notNullable();
    table.text('replaced_by');
    table.text('reason').notNullable();
    table.text('report_id');
  });
  await knex.raw('CREATE INDEX chart_revisions_entry ON chart_revisions (entry_id, revision)');

  await knex.schema.createTable('chart_reports', (table) => {
    syncColumns(table);
    table.text('patient_id').notNullable();
    table.text('entry_id').notNullable();
    table.text('account_id');
    table.text('kind').notNullable();
    table.text('text').notNullable();
    table.text('submitted_at').notNullable();
    table.text('due_on').notNullable();
    table.text('status').notNullable();
    table.text('decided_at');
    table.text('decided_by');
    table.text('decline_reason');
    table.integer('amendment_revision');
    table.text('disagreement');
    table.text('disagreement_at');
  });
  await knex.raw('CREATE INDEX chart_reports_queue ON chart_reports (status, due_on, id)');
  await knex.raw('CREATE INDEX chart_reports_entry ON chart_reports (entry_id)');

  await knex.schema.createTable('share_consents', (table) => {
    syncColumns(table);
    table.text('patient_id').notNullable();
    table.text('recipient').notNullable();
    table.text('scope').notNullable();
    table.text('entry_ids');
    table.text('valid_until');
    table.text('given_at').notNullable();
    table.text('given_via').notNullable();
    table.text('given_by');
    table.text('revoked_at');
    table.text('revoked_by');
    table.text('revocation_reason');
  });
  await knex.raw('CREATE INDEX share_consents_patient ON share_consents (patient_id)');

  await knex.schema.createTable('chart_shares', (table) => {
    syncColumns(table);
    table.text('patient_id').notNullable();
    table.text('consent_id').notNullable();
    table.text('entry_ids').notNullable();
    table.text('shared_at').notNullable();
    table.text('shared_by');
    table.text('sent_at');
  });
  await knex.raw('CREATE INDEX chart_shares_patient ON chart_shares (patient_id, shared_at)');

  await knex.raw(`
    CREATE TABLE dictionary_words (
      dictionary TEXT NOT NULL,
      version TEXT NOT NULL,
      word TEXT NOT NULL,
      code TEXT NOT NULL,
      PRIMARY KEY (dictionary, version, word, code)
    ) WITHOUT ROWID`);
}

export async function down(): Promise<void> {
  throw new Error('0023-charts is not reversible: the chart is part of the medical record.');
}
