import { beforeAll, describe, expect, it } from 'vitest';
import {
  cabinetAppointmentListSchema,
  cabinetAppointmentPaths as paths,
  cabinetAppointmentSchema,
  cabinetAttachmentSchema,
  cabinetBookingOptionsSchema,
  cabinetSlotSchema,
  holdSchema,
  slotTakenSchema,
  type CabinetSlot,
} from '../../../shared/cabinet/appointments-api';
import { cabinetApiPrefix, uploadedScanSchema } from '../../../shared/cabinet/cabinet-api';
import { pngPage } from '../../electron/services/scans/generated-scans';
import { cabinetOptions, type CabinetBrowser } from '../cabinet/accounts/cabinet-browser';
import { doctorOnServer, sha256, signedInPatient } from '../cabinet/chart/chart-setup';
import { upload } from '../cabinet/uploads/cabinet-uploader';
import { enrolTestDevice, useTestServer, type TestDevice } from '../support/test-server';
import {
  at,
  bookingRow,
  claimsBetween,
  dayAhead,
  patientsOnServer,
  scheduleOnServer,
  type TestSchedule,
} from './appointment-setup';

/**
 * The cabinet's «Записи» on the real server (E1–E2, seed §4.3): the patient finds a free time,
 * holds and confirms it, attaches a referral the doctor then finds in the chart, cancels or moves
 * it; a hold lapses; each refusal has its code.
 */
let ahead = 0;
const clock = () => new Date(Date.now() + ahead);
const running = useTestServer(() => ({ now: clock, cabinet: cabinetOptions() }));
let desk: TestDevice;
let ids: TestSchedule;
let doctor: string;
let patients: string[];
let patient: Awaited<ReturnType<typeof signedInPatient>>;
let other: CabinetBrowser;
let day: string;

beforeAll(async () => {
  desk = await enrolTestDevice(running.db, running.server);
  doctor = await doctorOnServer(desk, 'Петрова Анна Сергеевна');
  ids = await scheduleOnServer(desk, doctor);
  patients = await patientsOnServer(desk, 2);
  patient = await signedInPatient(running.db, running.server, patients[0]!, new Date());
  other = (await signedInPatient(running.db, running.server, patients[1]!, new Date())).browser;
  day = dayAhead(2);
}, 120_000);

const browser = () => patient.browser;
const slotsOf = async (query: Record<string, string>, who = browser()): Promise<CabinetSlot[]> => {
  const answer = await who.get<{ items: unknown[] }>(`${paths.slots}?${new URLSearchParams(query).toString()}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.items.map((item) => cabinetSlotSchema.parse(item));
};
const hold = (startsAt: string, extra: Record<string, unknown> = {}, who = browser()) =>
  who.post(paths.holds, { specialistId: ids.therapist, serviceTypeId: ids.consultation, startsAt, ...extra });
const heldId = (answer: { status: number; body: unknown }): string => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return holdSchema.parse(answer.body).holdId;
};
const confirm = async (holdId: string) => {
  const answer = await browser().post(paths.list, { holdId, timeZone: 'Asia/Yekaterinburg', note: 'Болит горло' });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return cabinetAppointmentSchema.parse(answer.body);
};
const list = async () => cabinetAppointmentListSchema.parse((await browser().get(paths.list)).body);
const pathOf = (path: string, id: string, attachmentId = '') =>
  path.replace(':id', id).replace(':attachmentId', attachmentId);

describe('the cabinet’s «Записи» (issue 13)', () => {
  it('offers the specialists and their services, and free times earliest first', async () => {
    const options = cabinetBookingOptionsSchema.parse((await browser().get(paths.options)).body);
    expect(options.specialists.map((s) => s.name)).toEqual(['Петрова Анна Сергеевна', 'Сидоров Олег Иванович']);
    // The patient chooses a specialty by its name, not by its НСИ code.
    expect(options.specialties).toEqual([{ code: '76', name: 'Терапия' }]);
    expect(options.specialists[0]).toMatchObject({ specialtyName: 'Терапия', positionName: 'Врач-терапевт' });
    expect(options.specialists[0]!.serviceTypeIds.sort()).toEqual([ids.consultation, ids.limited, ids.remote].sort());
    expect(options.services.map((s) => s.name)).toContain('Массаж');
    const mine = await slotsOf({ specialistId: ids.therapist, serviceTypeId: ids.consultation, from: day, to: day });
    expect(mine.slice(0, 3).map((slot) => slot.startsAt)).toEqual([
      at(day, '09:00'),
      at(day, '09:20'),
      at(day, '09:40'),
    ]);
    const bySpecialty = await slotsOf({ specialty: '76', serviceTypeId: ids.consultation, from: day, to: day });
    expect(new Set(bySpecialty.slice(0, 2).map((slot) => slot.specialistName)).size).toBe(2);
  });

  it('holds a time, confirms it, and shows it upcoming; the desks get it booked from the cabinet', async () => {
    const booking = await confirm(heldId(await hold(at(day, '09:00'))));
    expect(booking).toMatchObject({
      status: 'booked',
      specialistName: 'Петрова Анна Сергеевна',
      serviceName: 'Приём терапевта',
      roomName: 'Кабинет 101',
      instructions: 'Возьмите паспорт и полис',
      canChange: true,
      videoLink: null,
    });
    expect(await bookingRow(running.db, booking.id)).toMatchObject({
      status: 'booked',
      source: 'cabinet',
      patient_id: patients[0],
      patient_time_zone: 'Asia/Yekaterinburg',
      note: 'Болит горло',
    });
    expect((await list()).upcoming.map((a) => a.id)).toContain(booking.id);
    const free = await slotsOf({ specialistId: ids.therapist, serviceTypeId: ids.consultation, from: day, to: day });
    expect(free.map((slot) => slot.startsAt)).not.toContain(at(day, '09:00'));
    const audited = await running.db('audit_events').where({ action: 'appointments.list', patient_id: patients[0] });
    expect(audited.length).toBeGreaterThan(0);
  });

  it('a taken time answers with the nearest free ones; the patient’s own overlap and bad times have their codes', async () => {
    heldId(await hold(at(day, '09:40'), {}, other));
    const taken = await hold(at(day, '09:40'));
    expect(taken.status).toBe(409);
    const answer = slotTakenSchema.parse(taken.body);
    expect(answer.alternatives[0]).toMatchObject({ specialistId: ids.therapist, startsAt: at(day, '09:20') });
    const atColleague = await hold(at(day, '09:00'), { specialistId: ids.colleague });
    expect(atColleague).toMatchObject({ status: 409, body: { code: 'appointments.slot.patient_busy' } });
    expect(await hold('2020-01-15T07:00:00.000Z')).toMatchObject({
      status: 422,
      body: { code: 'appointments.slot.past' },
    });
    expect(await hold(at(day, '13:10'))).toMatchObject({ status: 422, body: { code: 'appointments.slot.break' } });
    expect(await hold(at(day, '10:00'), { serviceTypeId: ids.notOffered })).toMatchObject({
      status: 422,
      body: { code: 'appointments.slot.not_offered' },
    });
    expect(await hold(at(day, '10:00'), { specialistId: 'nobody' })).toMatchObject({
      body: { code: 'appointments.specialist.unknown' },
    });
    const tooLong = await browser().get(
      `${paths.slots}?${new URLSearchParams({ specialistId: ids.therapist, serviceTypeId: ids.consultation, from: day, to: '2099-01-01' }).toString()}`,
    );
    expect(tooLong.body).toMatchObject({ code: 'appointments.search.range' });
    const badZone = await browser().post(paths.list, {
      holdId: heldId(await hold(at(day, '16:40'))),
      timeZone: 'Mars/Olympus',
    });
    expect(badZone).toMatchObject({ status: 422, body: { code: 'appointments.time_zone.invalid' } });
  });

  it('cancels a booking and frees its time; another patient’s booking is not found', async () => {
    const booking = await confirm(heldId(await hold(at(day, '10:20'))));
    expect(await other.post(pathOf(paths.cancel, booking.id), { reason: null })).toMatchObject({
      status: 404,
      body: { code: 'appointments.not_found' },
    });
    const cancelled = await browser().post(pathOf(paths.cancel, booking.id), { reason: 'Не смогу прийти' });
    expect(cabinetAppointmentSchema.parse(cancelled.body)).toMatchObject({ status: 'cancelled', canChange: false });
    expect(await claimsBetween(running.db, at(day, '10:20'), at(day, '10:40'))).toEqual([]);
    expect((await list()).past.map((a) => a.id)).toContain(booking.id);
    expect(await browser().post(pathOf(paths.cancel, booking.id), {})).toMatchObject({
      status: 409,
      body: { code: 'appointments.not_active' },
    });
  });

  it('moves a booking: a hold for the new time, then the move; a taken new time leaves the booking as it was', async () => {
    const booking = await confirm(heldId(await hold(at(day, '11:00'))));
    heldId(await hold(at(day, '11:40'), {}, other));
    const ontoTaken = await hold(at(day, '11:40'), { replacesId: booking.id });
    expect(ontoTaken.status).toBe(409);
    expect(await claimsBetween(running.db, at(day, '11:00'), at(day, '11:20'))).toEqual([booking.id]);

    const holdId = heldId(await hold(at(day, '12:00'), { replacesId: booking.id }));
    const moved = await browser().post(pathOf(paths.move, booking.id), { holdId });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const now = cabinetAppointmentSchema.parse(moved.body);
    expect(now).toMatchObject({ id: holdId, startsAt: at(day, '12:00'), status: 'booked' });
    expect(await bookingRow(running.db, booking.id)).toMatchObject({ status: 'moved', replaced_by: holdId });
    expect(await bookingRow(running.db, holdId)).toMatchObject({
      replaces_id: booking.id,
      patient_time_zone: 'Asia/Yekaterinburg',
    });
    expect(await claimsBetween(running.db, at(day, '11:00'), at(day, '11:20'))).toEqual([]);
    const { upcoming, past } = await list();
    expect([...upcoming, ...past].map((a) => a.id)).not.toContain(booking.id);

    // Ten minutes later, overlapping its own time: the booking does not stand in its own way; a
    // hold made for a move is no new booking of its own.
    const later = heldId(await hold(at(day, '12:10'), { replacesId: holdId }));
    expect(await browser().post(paths.list, { holdId: later, timeZone: 'Europe/Moscow' })).toMatchObject({
      status: 404,
      body: { code: 'appointments.hold.not_found' },
    });
    const again = await browser().post(pathOf(paths.move, holdId), { holdId: later });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(cabinetAppointmentSchema.parse(again.body)).toMatchObject({ id: later, startsAt: at(day, '12:10') });
    expect(await claimsBetween(running.db, at(day, '12:00'), at(day, '12:30'))).toEqual([later]);
  });

  it('a hold lapses after its minutes: the time is someone else’s and the late confirmation is refused', async () => {
    const holdId = heldId(await hold(at(day, '14:20')));
    ahead = 11 * 60_000;
    try {
      heldId(await hold(at(day, '14:20'), {}, other));
      const late = await browser().post(paths.list, { holdId, timeZone: 'Europe/Moscow' });
      expect(late).toMatchObject({ status: 404, body: { code: 'appointments.hold.not_found' } });
      const mine = heldId(await hold(at(day, '15:00')));
      ahead = 22 * 60_000;
      expect(await browser().post(paths.list, { holdId: mine, timeZone: 'Europe/Moscow' })).toMatchObject({
        status: 410,
        body: { code: 'appointments.hold.expired' },
      });
    } finally {
      ahead = 0;
    }
  });

  it('attaches a referral: in the chart for the booking’s doctor, listed on the booking, the same bytes back', async () => {
    const booking = await confirm(heldId(await hold(at(day, '15:40'))));
    const file = await pngPage({ seed: 7 });
    const uploaded = uploadedScanSchema.parse(
      (await upload(running.server, patient.uploader, file, 'image/png', '?purpose=chart_document')).body,
    );
    const added = await browser().post(pathOf(paths.attachments, booking.id), {
      kind: 'referral',
      title: 'Направление на консультацию',
      scanId: uploaded.scanId,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const attachment = cabinetAttachmentSchema.parse(added.body);
    expect(attachment).toMatchObject({ kind: 'referral', addedVia: 'cabinet', hasFile: true });
    const row = await running.db('records').where({ table_name: 'appointment_attachments', id: attachment.id }).first();
    const entry = await running
      .db('records')
      .where({ table_name: 'chart_entries', id: row.data.chart_entry_id })
      .first();
    expect(entry.data).toMatchObject({ source: 'patient', kind: 'document', doctor_id: doctor, status: 'sent' });
    expect((await list()).upcoming.find((a) => a.id === booking.id)?.attachments).toEqual([attachment]);
    const again = await browser().post(pathOf(paths.attachments, booking.id), {
      kind: 'result',
      title: 'Тот же файл',
      scanId: uploaded.scanId,
    });
    expect(again.body).toMatchObject({ code: 'chart.upload.scan_used' });

    const fetched = await fetch(
      `${running.server.origin}${cabinetApiPrefix}${pathOf(paths.attachmentFile, booking.id, attachment.id)}`,
      { headers: { cookie: patient.uploader.headers.cookie! } },
    );
    expect(fetched.status).toBe(200);
    expect(sha256(Buffer.from(await fetched.arrayBuffer()))).toBe(sha256(file));
    const theirs = await other.get(pathOf(paths.attachmentFile, booking.id, attachment.id));
    expect(theirs.status).toBe(404);
  });

  it('a remote visit shows its video link; a sixth future booking is one too many', async () => {
    // The patient holds five future bookings (and live holds) by now.
    expect(await hold(at(day, '16:00'), { serviceTypeId: ids.remote })).toMatchObject({
      status: 409,
      body: { code: 'appointments.slot.too_many' },
    });
    const [third] = await patientsOnServer(desk, 1);
    const remote = (await signedInPatient(running.db, running.server, third!, new Date())).browser;
    const holdId = heldId(await hold(at(day, '16:00'), { serviceTypeId: ids.remote }, remote));
    const confirmed = await remote.post(paths.list, { holdId, timeZone: 'Europe/Moscow' });
    const booking = cabinetAppointmentSchema.parse(confirmed.body);
    expect(booking.mode).toBe('remote');
    expect(booking.videoLink).toMatch(/\/visit\/[A-Za-z0-9_-]{43}$/);
  });
});
