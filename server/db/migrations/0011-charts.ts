import type { Knex } from 'knex';

/**
 * The clinical chart (issue 12): its rows are synced records (`records`, tables `chart_entries`,
 * `chart_revisions`, `chart_reports`, `share_consents`, `chart_shares`). Here are the indexes the
 * cabinet's reads and the server's rules need:
 *
 * - a patient's history newest first (the cabinet's «Мои карты»);
 * - an entry's previous versions and reports;
 * - the open reports by deadline (the overdue sweep).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `CREATE INDEX records_chart_history ON records (clinic_id, (data->>'patient_id'), (data->>'occurred_at') DESC, id)
     WHERE table_name = 'chart_entries'`,
  );
  await knex.raw(
    `CREATE INDEX records_chart_entry_links ON records ((data->>'entry_id'))
     WHERE table_name IN ('chart_revisions', 'chart_reports')`,
  );
  await knex.raw(
    `CREATE INDEX records_chart_reports_open ON records (clinic_id, (data->>'due_on'))
     WHERE table_name = 'chart_reports' AND data->>'status' = 'open'`,
  );
  await knex.raw(
    `CREATE INDEX records_share_consents_patient ON records (clinic_id, (data->>'patient_id'))
     WHERE table_name IN ('share_consents', 'chart_shares')`,
  );
}

export async function down(): Promise<void> {
  throw new Error('0011-charts is not reversible');
}
