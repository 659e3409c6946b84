import type { TFunction } from 'i18next';
import type { DictionaryItem } from '../../../../shared/api/dictionary-calls';

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** A medicine's second line in the picker: form and dose, АТХ code (and group), trade name. */
export function describeMedicine(t: TFunction, item: DictionaryItem): string {
  const { form, dose, atc, atcName, tradeName } = item.data;
  const atcText = text(atc)
    ? `${t('chartForms.atc', { code: text(atc) })}${text(atcName) ? ` ${text(atcName)}` : ''}`
    : '';
  return [[text(form), text(dose)].filter(Boolean).join(', '), atcText, text(tradeName)].filter(Boolean).join(' · ');
}

/** The АТХ class an allergy to this medicine covers: its pharmacological group (`J01CA04` → `J01C`). */
export function atcClassOf(item: DictionaryItem): string {
  const atc = text(item.data.atc).trim().toUpperCase();
  return atc.length >= 4 ? atc.slice(0, 4) : atc;
}
