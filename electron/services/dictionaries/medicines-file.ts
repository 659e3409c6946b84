import type { NsiSpec } from './nsi-json';
import type { RowVerdict } from './read-table';

/**
 * ЕСКЛП, узлы СМНН (OID 1.2.643.5.1.13.13.99.2.611), ФНСИ JSON: one entry per standardised
 * medicine — МНН, form, dose — keyed by `smnn_code`. `code_atc` may list several АТХ codes
 * (`J07X;J07BX`) or `~` for none: `atc` is the most specific of them (`J07BX`; null for none) and
 * `atcCodes` the whole list when it has more than one. `tn` is kept as `tradeName` (the export's
 * «Наименование_ФТГ»).
 */
export const medicinesOid = '1.2.643.5.1.13.13.99.2.611';

const atcCode = /^[A-Z](?:\d{2}(?:[A-Z](?:[A-Z](?:\d{2})?)?)?)?$/;
const yesNo: Readonly<Record<string, boolean>> = { да: true, нет: false };

/** The longest (most specific) code of the list, the first of equals; null for none. */
function mostSpecific(codes: readonly string[]): string | null {
  return codes.reduce<string | null>((best, code) => (best === null || code.length > best.length ? code : best), null);
}

function readRow(get: (column: string) => string): RowVerdict {
  const bad = (column: string) => ({ code: 'dictionary.row.value' as const, params: { column } });
  const code = get('smnn_code');
  if (!/^[\w.-]{1,64}$/.test(code)) return bad('smnn_code');
  const [inn, form, dose] = [get('standard_inn'), get('standard_form'), get('standard_doze')];
  if (inn === '' || inn.length > 1000) return bad('standard_inn');
  if (form === '' || form.length > 500) return bad('standard_form');
  if (dose.length > 500) return bad('standard_doze');
  const atc = get('code_atc')
    .split(';')
    .map((part) => part.trim().toUpperCase())
    .filter((part) => part !== '' && part !== '~');
  if (!atc.every((part) => atcCode.test(part))) return bad('code_atc');
  const essential = yesNo[get('essential_medicines').toLowerCase()];
  if (essential === undefined) return bad('essential_medicines');
  const narcotic = yesNo[get('narcotic_psychotropic').toLowerCase()];
  if (narcotic === undefined) return bad('narcotic_psychotropic');
  return {
    code,
    name: [inn, form, dose].filter((part) => part !== '').join(' '),
    data: {
      inn,
      form,
      dose,
      unit: get('name_unit'),
      atc: mostSpecific(atc),
      atcCodes: atc.length > 1 ? atc.join(';') : null,
      atcName: get('name_atc') || null,
      tradeName: get('tn'),
      essential,
      narcotic,
    },
  };
}

export const medicinesSpec: NsiSpec = {
  name: 'medicines',
  oid: medicinesOid,
  required: [
    'smnn_code',
    'standard_inn',
    'standard_form',
    'standard_doze',
    'name_unit',
    'code_atc',
    'name_atc',
    'tn',
    'essential_medicines',
    'narcotic_psychotropic',
  ],
  readRow,
};
