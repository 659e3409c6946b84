import type { Tx } from './open-store';

/** A small JSON value kept in the encrypted store under a key. */
export function readSetting<T>(tx: Tx, key: string): T | undefined {
  const row = tx.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export function writeSetting(tx: Tx, key: string, value: unknown): void {
  tx.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
    key,
    JSON.stringify(value),
  ]);
}
