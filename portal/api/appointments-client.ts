import { z } from 'zod';
import {
  cabinetAppointmentListSchema,
  cabinetAppointmentPaths,
  cabinetAppointmentSchema,
  cabinetAttachmentSchema,
  cabinetBookingOptionsSchema,
  cabinetSlotSchema,
  holdSchema,
  slotTakenSchema,
  type CabinetSlot,
  type CabinetSlotQuery,
} from '../../shared/cabinet/appointments-api';
import type { AttachmentKind } from '../../shared/appointments/schedule';
import type { LocalizedText } from '../../shared/errors/catalog';
import { CabinetError } from './cabinet-error';
import type { CheckedRequest } from './chart-client';

const slotListSchema = z.object({ items: z.array(cabinetSlotSchema) });

/** The free-slot search's query string (`cabinetSlotQuerySchema`): the target that is set, the service, the days. */
export function slotQuery(query: CabinetSlotQuery): string {
  const search = new URLSearchParams();
  if (query.specialistId) search.set('specialistId', query.specialistId);
  else if (query.specialty) search.set('specialty', query.specialty);
  search.set('serviceTypeId', query.serviceTypeId);
  search.set('from', query.from);
  search.set('to', query.to);
  return search.toString();
}

/** A hold refused because the time was taken meanwhile: the code's words and the nearest free times. */
export interface SlotTaken {
  code: string;
  message: LocalizedText;
  alternatives: CabinetSlot[];
}

/** The 409 of `POST /appointments/holds` read back from the refusal; null for any other refusal. */
export function slotTaken(error: unknown): SlotTaken | null {
  if (!(error instanceof CabinetError) || error.status !== 409) return null;
  const parsed = slotTakenSchema.safeParse(error.detail);
  return parsed.success ? parsed.data : null;
}

function withIds(path: string, id: string, attachmentId?: string): string {
  const filled = path.replace(':id', encodeURIComponent(id));
  return attachmentId === undefined ? filled : filled.replace(':attachmentId', encodeURIComponent(attachmentId));
}

/** The patient's «Записи» in the cabinet: options, free times, hold → confirm, cancel, move, attachments. */
export class AppointmentCalls {
  constructor(
    private readonly base: string,
    private readonly request: CheckedRequest,
  ) {}

  options = () => this.request('GET', cabinetAppointmentPaths.options, cabinetBookingOptionsSchema);
  slots = (query: CabinetSlotQuery) =>
    this.request('GET', `${cabinetAppointmentPaths.slots}?${slotQuery(query)}`, slotListSchema);
  /** Keeps a time for `holdMinutes`; a move's hold names the booking it replaces. */
  hold = (body: { specialistId: string; serviceTypeId: string; startsAt: string; replacesId: string | null }) =>
    this.request('POST', cabinetAppointmentPaths.holds, holdSchema, body);
  list = () => this.request('GET', cabinetAppointmentPaths.list, cabinetAppointmentListSchema);
  confirm = (body: { holdId: string; timeZone: string; note: string | null }) =>
    this.request('POST', cabinetAppointmentPaths.list, cabinetAppointmentSchema, body);
  cancel = (id: string, reason: string | null) =>
    this.request('POST', withIds(cabinetAppointmentPaths.cancel, id), cabinetAppointmentSchema, { reason });
  /** Confirms a move: the hold was made with `replacesId` = `id`; the answer is the new booking. */
  move = (id: string, holdId: string) =>
    this.request('POST', withIds(cabinetAppointmentPaths.move, id), cabinetAppointmentSchema, { holdId });
  attach = (id: string, body: { kind: AttachmentKind; title: string; scanId: string }) =>
    this.request('POST', withIds(cabinetAppointmentPaths.attachments, id), cabinetAttachmentSchema, body);
  /** Where the browser downloads an attached file (the session cookie goes with the link). */
  fileUrl = (id: string, attachmentId: string) =>
    `${this.base}${withIds(cabinetAppointmentPaths.attachmentFile, id, attachmentId)}`;
}
