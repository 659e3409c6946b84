import { parseRussianDate, formatRussianDate } from '../../../../shared/domain/calendar-date';
import { formatDateTime } from '../../../format/date-time';

/**
 * How a form box's text becomes a body field and back. The form keeps what the doctor typed
 * (`ДД.ММ.ГГГГ`, `1,5`); the draft gets ISO days and numbers. Text that does not convert goes
 * as typed, so the shared schema names the field and the rule (never a silent blank).
 */
export type ValueType =
  | 'text'
  /** A reference (a scan's id): nothing typed is a missing value, not a malformed one. */
  | 'id'
  | 'optionalText'
  | 'day'
  | 'optionalDay'
  | 'instant'
  | 'number'
  | 'optionalNumber'
  | 'int'
  | 'optionalInt'
  | 'numberOrText';

/** `1,5` or `1.5` → 1.5; null when it is not a plain decimal number. */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^[-+]?\d+(?:\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** `07.12.2026 14:05`, Moscow time (UTC+3 all year since 2014) → an ISO instant in UTC. */
export function parseMoscowDateTime(text: string): string | null {
  const match = /^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [, day, month, year, hour, minute] = match;
  if (Number(hour) > 23 || Number(minute) > 59) return null;
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:00+03:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const blank = (text: string) => text.trim() === '';

/** The typed text as the body field of that type (undefined: missing, for the schema to name). */
export function toBodyValue(type: ValueType, text: string): unknown {
  switch (type) {
    case 'text':
      return text;
    case 'id':
      return blank(text) ? undefined : text.trim();
    case 'optionalText':
      return blank(text) ? null : text.trim();
    case 'day':
      return blank(text) ? undefined : (parseRussianDate(text) ?? text);
    case 'optionalDay':
      return blank(text) ? null : (parseRussianDate(text) ?? text);
    case 'instant':
      return blank(text) ? undefined : (parseMoscowDateTime(text) ?? text);
    case 'number':
    case 'int':
      return blank(text) ? undefined : (parseDecimal(text) ?? text);
    case 'optionalNumber':
    case 'optionalInt':
      return blank(text) ? null : (parseDecimal(text) ?? text);
    case 'numberOrText':
      return blank(text) ? undefined : (parseDecimal(text) ?? text.trim());
  }
}

/** A body field as the form shows it. */
export function toFormText(type: ValueType, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (type === 'day' || type === 'optionalDay') return typeof value === 'string' ? formatRussianDate(value) : '';
  if (type === 'instant') return typeof value === 'string' ? formatDateTime(value) : '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  return String(value);
}
