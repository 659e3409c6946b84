/**
 * Dose units a prescription and the formulary use, and how they convert: mass to milligrams,
 * volume to millilitres, the rest only to themselves. A dose in a unit that does not convert to
 * the formulary's is refused (`chart.prescription.unit_mismatch`), never guessed.
 */
export const doseUnits = [
  'mg',
  'g',
  'mcg',
  'ml',
  'l',
  'IU',
  'tablet',
  'capsule',
  'drop',
  'dose',
  'suppository',
] as const;
export type DoseUnit = (typeof doseUnits)[number];

const toBase: Record<DoseUnit, { base: DoseUnit; factor: number }> = {
  mg: { base: 'mg', factor: 1 },
  g: { base: 'mg', factor: 1000 },
  mcg: { base: 'mg', factor: 0.001 },
  ml: { base: 'ml', factor: 1 },
  l: { base: 'ml', factor: 1000 },
  IU: { base: 'IU', factor: 1 },
  tablet: { base: 'tablet', factor: 1 },
  capsule: { base: 'capsule', factor: 1 },
  drop: { base: 'drop', factor: 1 },
  dose: { base: 'dose', factor: 1 },
  suppository: { base: 'suppository', factor: 1 },
};

/** `amount` of `from` in `to`, or null when the units do not convert. */
export function convertDose(amount: number, from: DoseUnit, to: DoseUnit): number | null {
  const a = toBase[from];
  const b = toBase[to];
  if (a.base !== b.base) return null;
  return (amount * a.factor) / b.factor;
}

/** How each unit is written in the product's two languages (messages, summaries). */
export const doseUnitWords: Readonly<Record<DoseUnit, { ru: string; en: string }>> = {
  mg: { ru: 'мг', en: 'mg' },
  g: { ru: 'г', en: 'g' },
  mcg: { ru: 'мкг', en: 'mcg' },
  ml: { ru: 'мл', en: 'ml' },
  l: { ru: 'л', en: 'l' },
  IU: { ru: 'МЕ', en: 'IU' },
  tablet: { ru: 'таб.', en: 'tab.' },
  capsule: { ru: 'капс.', en: 'caps.' },
  drop: { ru: 'кап.', en: 'drops' },
  dose: { ru: 'доз.', en: 'doses' },
  suppository: { ru: 'супп.', en: 'supp.' },
};
