import type { Knex } from 'knex';

/**
 * What a scan is of (shared/scans/scan-purpose.ts) and the row it belongs to — an identity
 * document, a consent, a proxy, a verification — so each screen lists its own scans. A scan
 * taken by mistake gets a tombstone with the clerk's reason (rule 5: never a DELETE).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('document_scans', (table) => {
    table.text('purpose').notNullable().defaultTo('identity_document');
    table.text('attached_to');
    table.text('deleted_reason');
  });
  await knex.raw('CREATE INDEX document_scans_attached_to ON document_scans (attached_to) WHERE attached_to IS NOT NULL');
}

export async function down(): Promise<void> {
  throw new Error('Scan links are not removed: screens find their scans by them.');
}
