import { AppError } from '../../../shared/errors/app-error';
import type { ReadTx } from '../../store/open-store';
import { positionsDictionary, specialtiesDictionary } from './schedule-options';

/** How the refusal names each dictionary (the catalogue's `{dictionary}`). */
const titles = {
  [specialtiesDictionary]: 'Номенклатура специальностей (1.2.643.5.1.13.13.11.1066)',
  [positionsDictionary]: 'Должности медицинских работников (1.2.643.5.1.13.13.11.1002)',
  services: 'Номенклатура медицинских услуг (1.2.643.5.1.13.13.11.1070)',
} as const;

/**
 * A code of the schedule is one of the imported НСИ dictionary's current entries, or
 * `schedules.code.unknown` on `field` — also when the dictionary was never imported (the text
 * says to import it). A retired code is refused too: a new specialist is not given one.
 */
export function requireScheduleCode(
  tx: ReadTx,
  dictionary: keyof typeof titles,
  code: string,
  field: string,
  previous: string | null = null,
): void {
  // A code the item already has stays acceptable (a dictionary may retire it after the fact).
  if (code === previous) return;
  const current =
    tx.get(
      `SELECT 1 FROM dictionaries d JOIN dictionary_entries e ON e.dictionary = d.name AND e.version = d.version
        WHERE d.name = ? AND d.active = 1 AND e.code = ? AND e.retired = 0`,
      [dictionary, code],
    ) !== undefined;
  if (!current)
    throw new AppError('schedules.code.unknown', {
      field,
      params: { code: code.slice(0, 32), dictionary: titles[dictionary] },
    });
}
