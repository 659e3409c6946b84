import { onlyDigits, type DigitMask } from './mask';

export const snilsMask: DigitMask = { template: '___-___-___ __', digits: onlyDigits };

export const dateMask: DigitMask = { template: '__.__.____', digits: onlyDigits };

/** A person's INN: 12 digits. */
export const innMask: DigitMask = { template: '____________', digits: onlyDigits };

/** The ЕНП (OMS policy number), 16 digits in groups of four, as printed on the policy. */
export const enpMask: DigitMask = { template: '____ ____ ____ ____', digits: onlyDigits };

const phonePrefix = '+7';

/**
 * `+7 (___) ___-__-__`. The slots hold the 10-digit national number; a leading 7 or 8 typed or
 * pasted into an empty box is the country prefix (`8 916…`, `+7 916…`), not part of the number.
 */
export const phoneMask: DigitMask = {
  template: `${phonePrefix} (___) ___-__-__`,
  digits(raw) {
    if (raw.trimStart().startsWith(phonePrefix)) return onlyDigits(raw.trimStart().slice(phonePrefix.length));
    const digits = onlyDigits(raw);
    return /^[78]/.test(digits) ? digits.slice(1) : digits;
  },
  empty(raw) {
    // The clerk has typed only the country prefix: show it, so the keystroke is not lost.
    return /^\s*[78]$/.test(raw) ? `${phonePrefix} (` : '';
  },
};
