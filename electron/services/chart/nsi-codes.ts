import type { MedicineFacts } from '../../../shared/chart/prescription-check';
import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../../core/context';
import { medicineFacts } from '../dictionaries/chart-facts';
import { lookup } from '../dictionaries/lookup';

type NsiContext = Pick<ServiceContext, 'store'>;

/** How the refusals name each dictionary (the catalogue's `{dictionary}`). */
const dictionaryTitles = {
  icd10: 'МКБ-10',
  services: 'Номенклатура медицинских услуг',
} as const;

/**
 * The active version's name for a code a doctor wrote, or a refusal on `field`: not in it
 * (`chart.code.unknown`), retired (`chart.code.retired`), an МКБ-10 heading rather than a
 * diagnosis (`chart.code.not_codable`). No version imported: `dictionary.not_found`.
 */
export function codeName(
  ctx: NsiContext,
  dictionary: keyof typeof dictionaryTitles,
  code: string,
  field: string,
): string {
  const entry = lookup(ctx, dictionary, code);
  const params = { code: code.slice(0, 64), dictionary: dictionaryTitles[dictionary] };
  if (!entry) throw new AppError('chart.code.unknown', { field, params });
  if (entry.retired) throw new AppError('chart.code.retired', { field, params });
  if (dictionary === 'icd10' && entry.data.codable !== true)
    throw new AppError('chart.code.not_codable', { field, params });
  return entry.name;
}

/** The ЕСКЛП's facts of a medicine, or `chart.medicine.unknown` on `field` (`dictionary.not_found` with no ЕСКЛП). */
export function requireMedicine(ctx: NsiContext, code: string, field: string): MedicineFacts {
  // lookup refuses with dictionary.not_found when no version of the ЕСКЛП is imported.
  const entry = lookup(ctx, 'medicines', code);
  const facts = entry && !entry.retired ? medicineFacts(ctx, code) : null;
  if (!facts) throw new AppError('chart.medicine.unknown', { field, params: { code: code.slice(0, 64) } });
  return facts;
}
