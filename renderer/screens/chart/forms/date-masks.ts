import { onlyDigits, type DigitMask } from '../../../forms/mask';

/** A visit's moment as typed: `07.12.2026 14:05`, Moscow time. */
export const dateTimeMask: DigitMask = { template: '__.__.____ __:__', digits: onlyDigits };
