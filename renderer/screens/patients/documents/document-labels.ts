import { formatSnils } from '../../../../shared/domain/identifiers/snils';
import type { IdentityDocumentView } from '../../../../shared/domain/documents/identity-document';

const grouped = (digits: string, sizes: readonly number[]): string => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.filter(Boolean).join(' ');
};

/** A document's series and number as printed on it: `45 25 123456`, `112-233-445 95`, `7700 0000 0000 0019`. */
export function displayDocumentNumber(
  document: Pick<IdentityDocumentView, 'type' | 'form' | 'series' | 'number'>,
): string {
  const { type, form, series, number } = document;
  if (type === 'passport' && series) return `${grouped(series, [2, 2])} ${number}`;
  if (type === 'driving_licence' && /^\d{10}$/.test(number)) return grouped(number, [2, 2, 6]);
  if (type === 'snils' && /^\d{11}$/.test(number)) return formatSnils(number);
  if (type === 'oms_policy' && form === 'unified' && /^\d{16}$/.test(number)) return grouped(number, [4, 4, 4, 4]);
  return [series, number].filter(Boolean).join(' ');
}
