import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentView } from '../../shared/api/appointments-calls';
import {
  cabinetAppointmentListSchema,
  cabinetAppointmentPaths as paths,
  cabinetAppointmentSchema,
  holdSchema,
} from '../../shared/cabinet/appointments-api';
import { at, dayAhead, scheduleOnServer, type TestSchedule } from '../server/appointments/appointment-setup';
import { cabinetOptions, type CabinetBrowser } from '../server/cabinet/accounts/cabinet-browser';
import { signedInPatient } from '../server/cabinet/chart/chart-setup';
import { enrolTestDevice, type TestServer } from '../server/support/test-server';
import { importDocumentDictionaries } from '../support/document-dictionaries';
import { validSnils } from '../support/fixtures';
import { enrolPatient } from '../support/temp-desk';
import { ok } from './chart-desks';
import { openSyncDesk, pendingOutbox, startSyncServer, type SyncDesk, type SyncServer } from './sync-harness';

/**
 * One booking, two faces (E1, seed §4.3): what the patient does in the cabinet the front desk sees
 * after its next sync, and what the desk does the patient sees in the cabinet — the server holding
 * the one time either side claims. A real server with the cabinet on, a real desk.
 */
let server: SyncServer;
let desk: SyncDesk;
let ids: TestSchedule;
let patientId: string;
let cabinet: CabinetBrowser;
let day: string;

beforeAll(async () => {
  day = dayAhead(3);
  server = await startSyncServer({ extra: () => ({ cabinet: cabinetOptions() }) });
  desk = await openSyncDesk(server, 'Регистратура');
  importDocumentDictionaries(desk.ctx);
  // The clinic's admin (made when the desk was set up) keeps the schedule, pushed as a desk would.
  const admin = desk.store.read((tx) =>
    tx.get<{ id: string }>("SELECT id FROM staff WHERE kind = 'person' AND role = 'admin' LIMIT 1"),
  );
  // The server as the server suite's helpers address it (they use its origin only).
  const asTestServer: TestServer = { app: server.app, origin: server.url, close: async () => undefined };
  const pusher = await enrolTestDevice(server.db, asTestServer, 'Администратор', { staff: false });
  ids = await scheduleOnServer(pusher, null, admin!.id);
  patientId = await enrolPatient(desk, { surname: 'Орлова', snils: validSnils('412345670') });
  await desk.sync();
  expect(pendingOutbox(desk)).toBe(0);
  cabinet = (await signedInPatient(server.db, asTestServer, patientId, new Date())).browser;
}, 180_000);

afterAll(async () => {
  await desk?.cleanup();
  await server?.stop();
});

const view = async (id: string) =>
  (await ok<{ appointment: AppointmentView }>(desk, 'appointments.get', { appointmentId: id })).appointment;

async function bookInCabinet(hhmm: string): Promise<string> {
  const held = await cabinet.post(paths.holds, {
    specialistId: ids.therapist,
    serviceTypeId: ids.consultation,
    startsAt: at(day, hhmm),
  });
  expect(held.status, JSON.stringify(held.body)).toBe(201);
  const confirmed = await cabinet.post(paths.list, {
    holdId: holdSchema.parse(held.body).holdId,
    timeZone: 'Europe/Moscow',
  });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
  return cabinetAppointmentSchema.parse(confirmed.body).id;
}

describe('a booking between the cabinet and the front desk (issue 13)', () => {
  it('the patient books in the cabinet; the desk sees it booked, and cancels it; the patient sees it cancelled', async () => {
    const id = await bookInCabinet('10:00');
    await desk.sync();
    expect(await view(id)).toMatchObject({ status: 'booked', source: 'cabinet', patientId, roomId: ids.roomId });

    await ok(desk, 'appointments.cancel', { appointmentId: id, reason: 'Врач заболел, перезаписали по телефону' });
    await desk.sync();
    expect(pendingOutbox(desk)).toBe(0);
    const list = cabinetAppointmentListSchema.parse((await cabinet.get(paths.list)).body);
    expect(list.past.find((a) => a.id === id)).toMatchObject({ status: 'cancelled', canChange: false });
    // The time is free again for anyone.
    expect(await bookInCabinet('10:00')).not.toBe(id);
  });

  it('the desk books for the patient; the patient moves it in the cabinet; the desk sees the move', async () => {
    const booked = await ok<AppointmentView>(desk, 'appointments.book', {
      patientId,
      specialistId: ids.therapist,
      serviceTypeId: ids.consultation,
      startsAt: at(day, '11:00'),
    });
    await desk.sync();
    expect(await view(booked.id)).toMatchObject({ status: 'booked', pending: null });
    const mine = cabinetAppointmentListSchema.parse((await cabinet.get(paths.list)).body);
    expect(mine.upcoming.find((a) => a.id === booked.id)).toMatchObject({ status: 'booked', canChange: true });

    const held = await cabinet.post(paths.holds, {
      specialistId: ids.therapist,
      serviceTypeId: ids.consultation,
      startsAt: at(day, '14:20'),
      replacesId: booked.id,
    });
    const moved = await cabinet.post(paths.move.replace(':id', booked.id), {
      holdId: holdSchema.parse(held.body).holdId,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const newId = cabinetAppointmentSchema.parse(moved.body).id;
    await desk.sync();
    expect(await view(booked.id)).toMatchObject({ status: 'moved', replacedBy: newId });
    expect(await view(newId)).toMatchObject({ status: 'booked', replacesId: booked.id, startsAt: at(day, '14:20') });
    // The desk may book the freed time for someone else: its own check and the server's agree.
    const again = await ok<AppointmentView>(desk, 'appointments.book', {
      patientId: await enrolPatient(desk, { surname: 'Белова', snils: validSnils('412345671') }),
      specialistId: ids.therapist,
      serviceTypeId: ids.consultation,
      startsAt: at(day, '11:00'),
    });
    await desk.sync();
    expect(await view(again.id)).toMatchObject({ status: 'booked', pending: null });
  });
});
