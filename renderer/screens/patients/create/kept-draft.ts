import type { PatientFormValues } from './patient-form-model';

/**
 * What the clerk had typed when they left the wizard without saving (to look at a possible
 * duplicate's card, say): back on the wizard, it is all there. Held in memory only, for the
 * session it was typed in (`generation` changes on sign-out), and dropped on save or cancel.
 */
interface KeptDraft {
  generation: number;
  values: PatientFormValues;
  step: number;
}

let kept: KeptDraft | null = null;

export function keepDraft(draft: KeptDraft): void {
  kept = draft;
}

export function takeKeptDraft(generation: number): Omit<KeptDraft, 'generation'> | null {
  const found = kept && kept.generation === generation ? kept : null;
  kept = null;
  return found;
}

export function dropKeptDraft(): void {
  kept = null;
}
