import type { CabinetSlot } from '../../shared/cabinet/appointments-api';
import { HttpError } from '../http/http-error';

/**
 * A hold refused because its time is taken (409), with the nearest free times the patient may pick
 * instead: the same specialist's, else the specialty's (shared/cabinet/appointments-api.ts `slotTakenSchema`).
 */
export class SlotTakenError extends HttpError {
  readonly alternatives: readonly CabinetSlot[];

  constructor(alternatives: readonly CabinetSlot[]) {
    super(409, 'appointments.slot.taken', { field: 'startsAt' });
    this.name = 'SlotTakenError';
    this.alternatives = alternatives;
  }
}
