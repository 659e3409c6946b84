import type { CabinetSlot } from '../../../shared/cabinet/appointments-api';
import { clinicDay } from './visit-time';

export interface SlotDay {
  /** ISO day in the clinic's zone. */
  day: string;
  slots: CabinetSlot[];
}

/** Free times by the clinic's day, earliest first (the same time: by the specialist's name). */
export function slotDays(slots: readonly CabinetSlot[]): SlotDay[] {
  const sorted = [...slots].sort(
    (a, b) => a.startsAt.localeCompare(b.startsAt) || a.specialistName.localeCompare(b.specialistName, 'ru'),
  );
  const days: SlotDay[] = [];
  for (const slot of sorted) {
    const day = clinicDay(slot.startsAt);
    const last = days.at(-1);
    if (last && last.day === day) last.slots.push(slot);
    else days.push({ day, slots: [slot] });
  }
  return days;
}

/** A slot's key: one specialist's time (a specialty's list has the same time for several). */
export function slotKey(slot: CabinetSlot): string {
  return `${slot.specialistId}|${slot.startsAt}`;
}
