import type { Knex } from 'knex';

/**
 * The patient cabinet's accounts, sessions and one-time codes (issue 11). Server-only tables:
 * nothing here syncs to the desks. A card made online is a synced `patients` row (in `records`)
 * the account points at.
 *
 * Secrets are never kept in clear: a session is keyed by the SHA-256 of its cookie's value, a
 * one-time code by its HMAC-SHA-256 under a key derived from the master key, a password by its
 * argon2id hash, a TOTP secret sealed (AES-256-GCM, HKDF key).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('cabinet_accounts', (table) => {
    table.uuid('id').primary();
    table.uuid('clinic_id').notNullable().references('clinics.id');
    table.text('surname').notNullable();
    table.text('name').notNullable();
    table.text('patronymic');
    table.text('birth_date').notNullable();
    table.text('sex').notNullable();
    table.text('snils');
    table.text('inn');
    // Normalised (trimmed, lower case).
    table.text('email').notNullable();
    // E.164.
    table.text('phone').notNullable();
    table.timestamp('email_confirmed_at', { useTz: true });
    table.timestamp('phone_confirmed_at', { useTz: true });
    // The clinic's card (records, table 'patients') once linked.
    table.text('patient_id');
    table.text('password_hash');
    table.timestamp('activated_at', { useTz: true });
    table.text('totp_secret_sealed');
    // A new secret waiting for its first code (totpBegin → totpConfirm).
    table.text('totp_pending_sealed');
    // The last accepted TOTP step: only later steps pass.
    table.bigInteger('totp_last_step');
    table.text('oidc_subject');
    table.timestamp('federated_at', { useTz: true });
    // Wrong passwords or codes in a row, and the lock they lead to.
    table.integer('failed_sign_ins').notNullable().defaultTo(0);
    table.timestamp('locked_until', { useTz: true });
    table.boolean('notify_email').notNullable().defaultTo(true);
    table.boolean('notify_sms').notNullable().defaultTo(true);
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.unique(['clinic_id', 'email']);
  });
  await knex.raw(
    'CREATE UNIQUE INDEX cabinet_accounts_oidc_subject ON cabinet_accounts (clinic_id, oidc_subject) WHERE oidc_subject IS NOT NULL',
  );
  await knex.raw(
    'CREATE INDEX cabinet_accounts_patient ON cabinet_accounts (clinic_id, patient_id) WHERE patient_id IS NOT NULL',
  );

  // Wrong sign-ins for e-mails with no usable account (unknown, not activated), counted and locked
  // like an account's so the lock does not tell which e-mails have one. Keyed by the e-mail's MAC.
  await knex.schema.createTable('cabinet_sign_in_throttle', (table) => {
    table.uuid('clinic_id').notNullable().references('clinics.id');
    table.text('email_mac').notNullable();
    table.integer('failed_sign_ins').notNullable().defaultTo(0);
    table.timestamp('locked_until', { useTz: true });
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.primary(['clinic_id', 'email_mac']);
  });

  await knex.schema.createTable('cabinet_sessions', (table) => {
    // SHA-256 (hex) of the cookie's value: the value itself is never stored.
    table.text('id_hash').primary();
    table.uuid('account_id').notNullable().references('cabinet_accounts.id');
    table.uuid('clinic_id').notNullable().references('clinics.id');
    // 'applicant' | 'patient'
    table.text('stage').notNullable();
    table.text('csrf_token').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('last_seen_at', { useTz: true }).notNullable();
    // The absolute end; the idle end is last_seen_at + the stage's idle time.
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.timestamp('ended_at', { useTz: true });
  });
  await knex.raw('CREATE INDEX cabinet_sessions_account ON cabinet_sessions (account_id) WHERE ended_at IS NULL');

  await knex.schema.createTable('cabinet_codes', (table) => {
    table.uuid('id').primary();
    table.uuid('account_id').notNullable().references('cabinet_accounts.id');
    // email_link | phone | sign_in | identity | signature | …
    table.text('purpose').notNullable();
    // email | sms | print | …
    table.text('channel').notNullable();
    // HMAC-SHA-256 (hex) under a key derived from the master key.
    table.text('code_hash').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.timestamp('used_at', { useTz: true });
    table.integer('attempts').notNullable().defaultTo(0);
    // The sign-in challenge a sign_in code answers.
    table.text('challenge_id');
  });
  await knex.raw('CREATE INDEX cabinet_codes_account_purpose ON cabinet_codes (account_id, purpose, created_at)');
  await knex.raw('CREATE INDEX cabinet_codes_hash ON cabinet_codes (purpose, code_hash)');
}

export async function down(): Promise<void> {
  throw new Error('0008-cabinet-accounts is not reversible');
}
