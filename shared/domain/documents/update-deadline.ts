import type { BusinessCalendar } from '../business-days';

/** A changed identity document must be updated in the system within 5 business days (B3). */
export const documentUpdateBusinessDays = 5;

/** The last day to update a document changed on `changedOn` (ISO); throws for an unknown year. */
export function documentUpdateDue(calendar: BusinessCalendar, changedOn: string): string {
  return calendar.addBusinessDays(changedOn, documentUpdateBusinessDays);
}
