import { isCalendarDate } from '../calendar-date';

/**
 * `iso` plus whole years, on the same day of the month; 29 February falls to 28 February in a
 * common year (ГК РФ ст. 192: a term ending on a day the month lacks ends on its last day).
 */
export function addYears(iso: string, years: number): string {
  const year = String(Number(iso.slice(0, 4)) + years).padStart(4, '0');
  const candidate = `${year}${iso.slice(4)}`;
  return isCalendarDate(candidate) ? candidate : `${year}-02-28`;
}

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The last day a Russian passport is valid, from the holder's birth date and its issue date: one
 * issued before 20 must be replaced at 20, one issued before 45 at 45, and the old one stays valid
 * until the new one is made but no more than 90 days after that birthday (Положение о паспорте
 * гражданина РФ, Постановление Правительства № 828, as amended in 2021; before that it lapsed the
 * day after the birthday). Null: valid without a limit.
 */
export function passportValidUntil(birthDate: string, issueDate: string): string | null {
  for (const age of [20, 45]) {
    const birthday = addYears(birthDate, age);
    if (issueDate < birthday) return addDays(birthday, 90);
  }
  return null;
}
