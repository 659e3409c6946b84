import { doseUnitWords } from './units';
import type { ChartDraft } from './drafts';

/** The dictionary names an entry's one-line summary needs, looked up by the desk's service. */
export interface SummaryNames {
  /** The МКБ-10 entry's name (a diagnosis) or the service's name (a procedure). */
  codeName?: string | null;
  /** The medicine's МНН (a prescription). */
  inn?: string | null;
}

const conclusionChars = 200;

const joined = (...parts: (string | number)[]): string =>
  parts
    .map((part) => String(part).trim())
    .filter((part) => part !== '')
    .join(' ');

/**
 * The history's one line for an entry, in Russian (names.md): what the timeline shows from the
 * covering index and what its text search folds. Names missing from the dictionary fall back to
 * the code, so a line is never empty.
 */
export function chartSummaryText(draft: ChartDraft, names: SummaryNames = {}): string {
  switch (draft.kind) {
    case 'encounter': {
      const conclusion = draft.body.conclusion.replace(/\s+/g, ' ').trim().slice(0, conclusionChars).trim();
      return conclusion === '' ? draft.body.department : `${draft.body.department}: ${conclusion}`;
    }
    case 'diagnosis':
      return joined(draft.body.icd10, names.codeName ?? '');
    case 'procedure':
      return joined(draft.body.serviceCode, names.codeName ?? '');
    case 'prescription':
      return `${joined(names.inn ?? draft.body.medicineCode, draft.body.dose, doseUnitWords[draft.body.unit].ru)} × ${draft.body.timesPerDay}/сут`;
    case 'allergy':
      return `Аллергия: ${draft.body.substance} — ${draft.body.reaction}`;
    case 'lab_result':
      return `${draft.body.test}: ${joined(draft.body.value, draft.body.unit)}`;
    case 'document':
      return draft.body.title;
  }
}
