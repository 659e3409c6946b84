import type { ReadTx, Tx } from './open-store';
import { rawTx } from './raw-tx';

/** A small JSON value kept in the encrypted store under a key. */
export function readSetting<T>(tx: ReadTx, key: string): T | undefined {
  const row = tx.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
  return row ? (JSON.parse(row.value) as T) : undefined;
}

/** A named per-desk writer: settings belong to this workstation and never sync. */
export function writeSetting(tx: Tx, key: string, value: unknown): void {
  rawTx(tx).run(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    [key, JSON.stringify(value)],
  );
}
