import type { ErrorCode } from '../errors/catalog';
import type { SlotContext } from './free-slots';

/**
 * Whether one booking may be made (E1, the "bad input"): the first rule it breaks, with
 * its own code, or null. Run by the desk before a request is queued and by the server before it
 * claims the slot (the server's word is final: its claim is also guarded by the database).
 */
export interface BookingRequest {
  appointmentId: string;
  patientId: string;
  specialistId: string;
  serviceTypeId: string;
  startsAt: string;
  endsAt: string;
  /** A move: the booking being replaced does not count against the patient or the slot. */
  replacesId: string | null;
}

export interface BookingProblem {
  code: ErrorCode;
  /** The request's field to blame. */
  field: 'startsAt' | 'endsAt' | 'specialistId' | 'serviceTypeId' | 'patientId';
  params: Record<string, string | number>;
}

export interface BookingCheckContext extends SlotContext {
  /** Now, as an instant. */
  now: string;
  /** The patient's bookings from now on that occupy a slot (any specialist), for the limit. */
  patientFuture: number;
}

export function checkBooking(context: BookingCheckContext, request: BookingRequest): BookingProblem | null {
  void context;
  void request;
  throw new Error('checkBooking: implemented by issue 13 H1');
}
