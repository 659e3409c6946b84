/**
 * A digit mask: `_` in the template is a digit slot, everything else is a literal the mask types
 * for the clerk. Only digits are kept; literals appear up to the last digit typed, so Backspace
 * never gets stuck on a dash.
 */
export interface DigitMask {
  template: string;
  /** The slot digits in what the box holds (a mask may carry a prefix with digits of its own). */
  digits(raw: string): string;
  /** What to show while no slot digit is typed yet (a prefix the clerk has just started). */
  empty?(raw: string): string;
}

export function onlyDigits(raw: string): string {
  return raw.replace(/\D/g, '');
}

function slotCount(template: string): number {
  return template.split('').filter((ch) => ch === '_').length;
}

function fill(template: string, digits: string): string {
  let out = '';
  let used = 0;
  for (const ch of template) {
    if (used >= digits.length) break;
    if (ch === '_') out += digits[used++];
    else out += ch;
  }
  return out;
}

/** Index in the filled template just after the `count`-th digit (before the first when 0). */
function caretAfter(template: string, count: number): number {
  let seen = 0;
  for (let i = 0; i < template.length; i++) {
    if (template[i] !== '_') continue;
    if (seen === count) return i;
    seen++;
  }
  return template.length;
}

/** The masked text for what the clerk typed, and where the caret goes so typing feels natural. */
export function applyMask(mask: DigitMask, raw: string, caret: number): { value: string; caret: number } {
  const digits = mask.digits(raw).slice(0, slotCount(mask.template));
  const value = digits === '' ? (mask.empty?.(raw) ?? '') : fill(mask.template, digits);
  const before = Math.min(mask.digits(raw.slice(0, caret)).length, digits.length);
  const at = before === digits.length ? value.length : Math.min(caretAfter(mask.template, before), value.length);
  return { value, caret: at };
}

/** True when every slot of the mask holds a digit. */
export function isMaskComplete(mask: DigitMask, value: string): boolean {
  return mask.digits(value).length === slotCount(mask.template);
}
