import type { Knex } from 'knex';

/**
 * Merging a duplicate card into the one that stays (B2). `merged_into` names the survivor; it
 * syncs like any patient field, so every desk hides the merged card from search and shows its
 * access log under the survivor. The merged card itself is kept as it was (rule 5).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE patients ADD COLUMN merged_into TEXT');
  await knex.raw('CREATE INDEX patients_merged_into ON patients (merged_into) WHERE merged_into IS NOT NULL');
}

export async function down(): Promise<void> {
  throw new Error('A merge is part of the patients’ record: the column is not removed.');
}
