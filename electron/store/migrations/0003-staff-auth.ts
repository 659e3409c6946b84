import type { Knex } from 'knex';

/**
 * What staff sign-in needs (A1–A4). Secrets (password hashes, TOTP secrets) sit in plain columns:
 * the whole file is SQLCipher-encrypted, and a column-level key would live beside it anyway.
 * None of these tables or columns sync yet; see electron/auth/README.md for what must change
 * when staff accounts travel between desks.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('staff', (table) => {
    // argon2id in PHC form (parameters and salt inside); null for the setup account.
    table.text('password_hash');
    table.text('password_changed_at');
    // An admin set the password (new account, reset): the person is asked to choose their own.
    table.integer('must_change_password').notNullable().defaultTo(0);
    // Lockout (A3): failures since the last success, the last one's time, and the lock's end.
    table.integer('failed_attempts').notNullable().defaultTo(0);
    table.text('last_failed_at');
    table.text('locked_until');
    // TOTP backup factor: the confirmed secret (base32), a pending one until its first code, and
    // the last time step accepted, so that no code is accepted twice.
    table.text('totp_secret');
    table.text('totp_pending_secret');
    table.text('totp_enrolled_at');
    table.integer('totp_last_step');
    // Set when a recovery code was used or the last key revoked: the person must enrol a key.
    table.integer('must_enrol_key').notNullable().defaultTo(0);
  });

  await knex.raw(`
    CREATE TABLE staff_keys (
      id TEXT PRIMARY KEY,
      staff_id TEXT NOT NULL REFERENCES staff (id),
      kind TEXT NOT NULL CHECK (kind IN ('webauthn', 'yubikey-otp')),
      name TEXT NOT NULL,
      -- WebAuthn: the credential id (base64url), COSE public key, signature counter, transports (JSON).
      credential_id TEXT UNIQUE,
      public_key BLOB,
      counter INTEGER NOT NULL DEFAULT 0,
      transports TEXT,
      aaguid TEXT,
      -- YubiKey OTP: the key's public id (12 modhex characters); its counters live on the server.
      yubikey_public_id TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      last_used_at TEXT,
      revoked_at TEXT,
      revoked_by TEXT,
      CHECK (
        (kind = 'webauthn' AND credential_id IS NOT NULL AND public_key IS NOT NULL)
        OR (kind = 'yubikey-otp' AND yubikey_public_id IS NOT NULL)
      )
    )`);
  await knex.raw('CREATE INDEX staff_keys_staff ON staff_keys (staff_id)');
  await knex.raw(
    'CREATE UNIQUE INDEX staff_keys_yubikey ON staff_keys (yubikey_public_id) WHERE yubikey_public_id IS NOT NULL AND revoked_at IS NULL',
  );

  // One-time recovery codes: only their SHA-256 is kept; the codes are shown once.
  await knex.raw(`
    CREATE TABLE recovery_codes (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      staff_id TEXT NOT NULL REFERENCES staff (id),
      code_hash TEXT NOT NULL,
      created_at TEXT NOT NULL,
      used_at TEXT,
      UNIQUE (staff_id, code_hash)
    )`);

  // WebAuthn challenges and the sign-in step they stand for: single use, short-lived.
  await knex.raw(`
    CREATE TABLE auth_challenges (
      id TEXT PRIMARY KEY,
      staff_id TEXT REFERENCES staff (id),
      purpose TEXT NOT NULL CHECK (purpose IN ('register', 'sign-in', 'unlock')),
      challenge TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      used_at TEXT
    )`);
  await knex.raw('CREATE INDEX auth_challenges_expiry ON auth_challenges (expires_at)');

  // Failure counters for logins that do not exist, so that they count down and lock exactly like
  // real accounts (electron/auth/lockout.ts). Keyed by the login's SHA-256, never the text.
  await knex.raw(`
    CREATE TABLE auth_unknown_logins (
      login_digest TEXT PRIMARY KEY,
      failed_attempts INTEGER NOT NULL,
      last_failed_at TEXT NOT NULL,
      locked_until TEXT
    )`);

  // The burst check reads recent failures and alerts of one desk on every failure; the audit
  // log grows by every read of patient data, so these partial indexes keep that check small.
  await knex.raw(
    "CREATE INDEX audit_events_auth_failures ON audit_events (device_id, at) WHERE action = 'auth.sign_in.failed'",
  );
  await knex.raw(
    "CREATE INDEX audit_events_auth_alerts ON audit_events (device_id, at) WHERE action = 'auth.alert.burst'",
  );
}

export async function down(): Promise<void> {
  throw new Error('Staff sign-in tables are not removed: people would lose their keys and codes.');
}
