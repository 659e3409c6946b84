import type { Knex } from 'knex';

/**
 * Second factors leave the synced rows (issue 10, item 2). Until now a person's TOTP secret and
 * last step travelled in `staff`, and recovery codes as unsalted SHA-256 in `recovery_codes`.
 *
 * - A desk enrolled with a server (it holds `sync.identity`): what it has came from, or went to,
 *   the server, which now seals the secret (server migration 0006) and checks every code online.
 *   The desk drops its copies: TOTP secrets, their steps and pending secrets, every recovery code
 *   row, and the outbox's unsent copies of them (a desk still pushing them would be refused).
 *   `totp_enrolled_at` stays: it tells sign-in to offer the app.
 * - A lone desk (no server): the TOTP secret is its own and stays. Its SHA-256 recovery codes
 *   cannot be re-hashed and have matched nothing since codes became argon2id: they are retired,
 *   and the person prints a new set from their account.
 */
export async function up(knex: Knex): Promise<void> {
  const enrolled = (await knex('settings').where({ key: 'sync.identity' }).first('key')) !== undefined;
  if (enrolled) {
    await knex.raw(
      `UPDATE staff SET totp_secret = NULL, totp_last_step = NULL, totp_pending_secret = NULL WHERE kind = 'person'`,
    );
    await knex.raw('DELETE FROM recovery_codes');
  } else {
    await knex.raw(
      `UPDATE recovery_codes SET revoked_at = ? WHERE revoked_at IS NULL AND used_at IS NULL
         AND code_hash NOT LIKE '$argon2%'`,
      [new Date().toISOString()],
    );
  }
  // Unsent changes of fields that no longer sync: never pushed (the server would refuse them).
  await knex.raw(`DELETE FROM sync_outbox WHERE table_name = 'recovery_codes'`);
  await knex.raw(
    `UPDATE sync_outbox SET changed = json_remove(changed, '$.totp_secret', '$.totp_last_step')
       WHERE table_name = 'staff'`,
  );
  await knex.raw(`DELETE FROM sync_outbox WHERE table_name = 'staff' AND changed = '{}'`);
}

export async function down(): Promise<void> {
  throw new Error('Second factors dropped from this desk are not brought back: they are on the server.');
}
