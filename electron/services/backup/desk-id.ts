import { AppError } from '../../../shared/errors/app-error';
import type { ReadTx } from '../../store/open-store';

/** This desk's device id: what a backup's header names, and what a restore expects to find. */
export function deskIdOf(tx: ReadTx): string {
  const row = tx.get<{ id: string }>('SELECT id FROM devices WHERE is_self = 1');
  if (!row) throw new AppError('backup.no_desk');
  return row.id;
}
