import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { clinicTimeZone } from '../../../shared/appointments/schedule';
import {
  attachmentRequestSchema,
  cabinetAppointmentPaths,
  cabinetSlotQuerySchema,
  confirmRequestSchema,
  holdRequestSchema,
  type CabinetAppointment,
} from '../../../shared/cabinet/appointments-api';
import { toApiError } from '../../../shared/errors/app-error';
import { parseInput } from '../../../shared/errors/zod-issues';
import {
  cancelBooking,
  confirmBooking,
  holdSlot,
  moveBooking,
  patientBookings,
  searchSlots,
  type PatientRef,
} from '../../appointments/booking';
import { localDate } from '../../../shared/appointments/local-time';
import { SlotTakenError } from '../../appointments/slot-taken';
import { sweepLapsedHolds } from '../../appointments/claims';
import { readChunks } from '../../blobs/blob-store';
import { HttpError } from '../../http/http-error';
import { accountRoute, routeLimits } from '../accounts/account-route-options';
import type { CabinetDeps } from '../cabinet-deps';
import { chartCardOf } from '../chart/chart-card';
import { chartScan } from '../chart/chart-labs';
import { recordCabinetRead } from '../chart/chart-read-log';
import { attachmentScanId, attachToBooking } from './appointment-attachments';
import { appointmentViews, bookingOptions } from './appointment-views';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path's booking (or attachment) id when it is a UUID; otherwise not found. */
function pathId(params: unknown, key: 'id' | 'attachmentId'): string {
  const value = (params as Record<string, unknown>)[key];
  if (typeof value !== 'string' || !uuid.test(value)) {
    throw new HttpError(404, key === 'id' ? 'appointments.not_found' : 'appointments.attachment.not_found');
  }
  return value.toLowerCase();
}

const cancelRequestSchema = z.strictObject({ reason: z.string().trim().max(500).nullable().default(null) });
const moveRequestSchema = z.strictObject({ holdId: z.uuid() });

const fileExtensions: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

/**
 * The cabinet's «Записи» (issue 13, shared/cabinet/appointments-api.ts): the signed-in patient's
 * own card only (chart-card.ts); reads of their bookings are audited as the chart's are
 * (chart-read-log.ts). Booking itself is server/appointments/booking.ts.
 */
export function registerAppointmentRoutes(scope: FastifyInstance, deps: CabinetDeps): void {
  const { db } = deps;
  const read = accountRoute(deps, routeLimits.read);
  const write = accountRoute(deps, routeLimits.check);
  // Lapsed holds also go before each claim that meets them; this takes the rest.
  const sweep = setInterval(() => {
    sweepLapsedHolds(db, deps.now()).catch((error: unknown) => scope.log.warn({ err: error }, 'sweeping holds failed'));
  }, 60_000);
  sweep.unref();
  scope.addHook('onClose', async () => clearInterval(sweep));
  const patientOf = (request: Parameters<typeof chartCardOf>[0]): Promise<PatientRef> => chartCardOf(request, db);

  const viewOf = async (ref: PatientRef, id: string): Promise<CabinetAppointment> => {
    const now = deps.now();
    const mine = (await patientBookings(db, ref)).filter((appointment) => appointment.id === id);
    const [view] = await appointmentViews(db, ref.clinicId, mine, now);
    if (!view) throw new HttpError(404, 'appointments.not_found');
    return view;
  };

  scope.get(cabinetAppointmentPaths.options, read, async (request) => {
    const ref = await patientOf(request);
    return bookingOptions(db, ref.clinicId);
  });

  scope.get(cabinetAppointmentPaths.slots, read, async (request) => {
    const ref = await patientOf(request);
    const query = parseInput(cabinetSlotQuerySchema, request.query ?? {});
    return { items: await searchSlots(db, ref.clinicId, query, deps.now()) };
  });

  scope.post(cabinetAppointmentPaths.holds, write, async (request, reply) => {
    const ref = await patientOf(request);
    const body = parseInput(holdRequestSchema, request.body ?? {});
    try {
      const hold = await holdSlot(db, ref, { ...body, replacesId: body.replacesId?.toLowerCase() ?? null }, deps.now());
      return await reply.code(201).send(hold);
    } catch (error) {
      if (!(error instanceof SlotTakenError)) throw error;
      return reply.code(409).send({ ...toApiError(error), alternatives: error.alternatives });
    }
  });

  scope.get(cabinetAppointmentPaths.list, read, async (request) => {
    const ref = await patientOf(request);
    const now = deps.now();
    const views = await appointmentViews(db, ref.clinicId, await patientBookings(db, ref), now);
    const live = (view: CabinetAppointment) =>
      ['requested', 'booked', 'arrived'].includes(view.status) && Date.parse(view.endsAt) > now.getTime();
    const upcoming = views.filter(live).reverse();
    const past = views.filter((view) => !live(view));
    await recordCabinetRead(
      db,
      {
        ...ref,
        action: 'appointments.list',
        details: { count: views.length, day: localDate(now.toISOString(), clinicTimeZone) },
      },
      now,
    );
    return { upcoming, past };
  });

  scope.post(cabinetAppointmentPaths.list, write, async (request, reply) => {
    const ref = await patientOf(request);
    const body = parseInput(confirmRequestSchema, request.body ?? {});
    const id = await confirmBooking(db, ref, { ...body, holdId: body.holdId.toLowerCase() }, deps.now());
    return reply.code(201).send(await viewOf(ref, id));
  });

  scope.post(cabinetAppointmentPaths.cancel, write, async (request) => {
    const ref = await patientOf(request);
    const id = pathId(request.params, 'id');
    const body = parseInput(cancelRequestSchema, request.body ?? {});
    await cancelBooking(db, ref, id, body.reason === '' ? null : body.reason, deps.now());
    return viewOf(ref, id);
  });

  scope.post(cabinetAppointmentPaths.move, write, async (request) => {
    const ref = await patientOf(request);
    const id = pathId(request.params, 'id');
    const body = parseInput(moveRequestSchema, request.body ?? {});
    return viewOf(ref, await moveBooking(db, ref, id, body.holdId.toLowerCase(), deps.now()));
  });

  scope.post(cabinetAppointmentPaths.attachments, write, async (request, reply) => {
    const card = await chartCardOf(request, db);
    const id = pathId(request.params, 'id');
    const body = parseInput(attachmentRequestSchema, request.body ?? {});
    const attachment = await attachToBooking(db, card, id, { ...body, scanId: body.scanId.toLowerCase() }, deps.now());
    return reply.code(201).send(attachment);
  });

  scope.get(cabinetAppointmentPaths.attachmentFile, read, async (request, reply) => {
    const card = await chartCardOf(request, db);
    const id = pathId(request.params, 'id');
    const attachmentId = pathId(request.params, 'attachmentId');
    const scanId = await attachmentScanId(db, card, id, attachmentId);
    const scan = await chartScan(db, card, scanId);
    await recordCabinetRead(db, { ...card, action: 'appointments.attachment', details: { attachmentId } }, deps.now());
    return reply
      .header('content-type', scan.mime)
      .header('content-length', String(scan.bytes))
      .header('content-disposition', `attachment; filename="${attachmentId}.${fileExtensions[scan.mime] ?? 'bin'}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(
        Readable.from(
          readChunks(db, deps.masterKey, { clinicId: card.clinicId, sha256: scan.sha256 }, 0, scan.bytes - 1),
        ),
      );
  });
}
