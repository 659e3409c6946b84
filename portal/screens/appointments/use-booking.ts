import { useCallback, useState } from 'react';
import { holdMinutes } from '../../../shared/appointments/schedule';
import type { CabinetAppointment, CabinetSlot, CabinetSlotQuery, Hold } from '../../../shared/cabinet/appointments-api';
import { useClient } from '../../api/session';
import { slotTaken, type SlotTaken } from '../../api/appointments-client';
import { refusalProblems, type GeneralProblem } from '../../forms/refusal';
import { holdDeadline } from './hold-clock';
import { browserZone } from './visit-time';

/** Where the booking is: looking for a time, holding one, or booked. */
export type BookingStage =
  | { kind: 'search' }
  | {
      kind: 'held';
      slot: CabinetSlot;
      hold: Hold;
      /** When it lapses by this browser's clock (ms). */ deadline: number;
    }
  | { kind: 'booked'; visit: CabinetAppointment };

/**
 * The booking's policy («Записаться», and a move — the same flow with `replacesId`): search the
 * free times, hold one (a time taken meanwhile gives the code's words and the nearest free
 * times to pick from instead), confirm it with an optional note; a lapsed hold sends the patient
 * back to the times, searched again.
 */
export function useBooking(replacesId: string | null) {
  const client = useClient();
  const [stage, setStage] = useState<BookingStage>({ kind: 'search' });
  const [query, setQuery] = useState<CabinetSlotQuery | null>(null);
  const [slots, setSlots] = useState<CabinetSlot[] | undefined>(undefined);
  const [taken, setTaken] = useState<SlotTaken | null>(null);
  const [busy, setBusy] = useState<'search' | 'hold' | 'confirm' | null>(null);
  const [problems, setProblems] = useState<GeneralProblem[]>([]);
  const [lapsed, setLapsed] = useState<GeneralProblem | null>(null);

  const search = useCallback(
    async (next: CabinetSlotQuery) => {
      setQuery(next);
      setBusy('search');
      setProblems([]);
      setTaken(null);
      setSlots(undefined);
      try {
        setSlots((await client.appointments.slots(next)).items);
      } catch (error) {
        setProblems(refusalProblems(error));
      } finally {
        setBusy(null);
      }
    },
    [client],
  );

  const pick = async (slot: CabinetSlot) => {
    setBusy('hold');
    setProblems([]);
    setLapsed(null);
    setTaken(null);
    const askedAt = Date.now();
    try {
      const hold = await client.appointments.hold({
        specialistId: slot.specialistId,
        serviceTypeId: slot.serviceTypeId,
        startsAt: slot.startsAt,
        replacesId,
      });
      setStage({ kind: 'held', slot, hold, deadline: holdDeadline(hold.expiresAt, askedAt, holdMinutes) });
    } catch (error) {
      const refusal = slotTaken(error);
      if (refusal) {
        setTaken(refusal);
        setSlots((current) => current?.filter((item) => item !== slot));
      } else setProblems(refusalProblems(error));
    } finally {
      setBusy(null);
    }
  };

  /** Back to the times (another time chosen, or the hold lapsed): the list is asked for again. */
  const back = (why: GeneralProblem | null = null) => {
    setStage({ kind: 'search' });
    setLapsed(why);
    if (query) void search(query);
  };

  /** Another booking from the start. */
  const reset = () => {
    setStage({ kind: 'search' });
    setQuery(null);
    setSlots(undefined);
    setTaken(null);
    setLapsed(null);
    setProblems([]);
  };

  const confirm = async (note: string) => {
    if (stage.kind !== 'held') return;
    setBusy('confirm');
    setProblems([]);
    try {
      const visit = replacesId
        ? await client.appointments.move(replacesId, stage.hold.holdId)
        : await client.appointments.confirm({
            holdId: stage.hold.holdId,
            timeZone: browserZone(),
            note: note.trim() === '' ? null : note.trim(),
          });
      setStage({ kind: 'booked', visit });
    } catch (error) {
      const found = refusalProblems(error);
      // The time is no longer held (it lapsed meanwhile): back to the times, saying why.
      if (found[0]?.code.startsWith('appointments.hold.')) back(found[0]);
      else setProblems(found);
    } finally {
      setBusy(null);
    }
  };

  return { stage, query, slots, taken, lapsed, busy, problems, search, pick, confirm, back, reset };
}
