import { patientDuplicates } from '../services/patients/duplicate-candidates';
import { mergePatients, mergePlan } from '../services/patients/merge-patients';
import type { duplicateCalls } from '../../shared/api/duplicate-calls';
import type { HandlersOf } from './handler-types';

/** Duplicate cards: finding them while a card is typed, and merging one into another (B2). */
export const duplicateHandlers: HandlersOf<typeof duplicateCalls> = {
  'patients.duplicates': (ctx, input) => patientDuplicates(ctx, input, input.limit),
  'patients.merge': (ctx, input) => mergePatients(ctx, input),
  'patients.mergePlan': (ctx, input) => mergePlan(ctx, input),
};
