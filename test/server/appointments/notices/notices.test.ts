import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueAppointmentNotice } from '../../../../server/appointments/notices/appointment-notices';
import { withChangeLog } from '../../../../server/sync/change-log';
import { startMailSink, type MailSink, type ReceivedMail } from '../../../support/mail-sink';
import { startSmsGateway, type SmsGateway } from '../../../support/sms-gateway';
import { startTestWorker, useOutboxDb, waitForRow } from '../../notifications/outbox-support';
import { book, cancel, move, outboxOf, writeWorld, type BookingWorld } from './booking-support';
import { readIcs } from './ics-reader';

// E3: the patient's confirmation, change and cancellation go through the outbox in the booking's
// transaction — an e-mail with the .ics and a short SMS — and reach a real SMTP server and SMS gateway.
const outbox = useOutboxDb();
const mailFrom = '"Поликлиника №1" <noreply@clinic.test>';
const publicUrl = 'https://lk.clinic.test';
let sink: MailSink;
let gateway: SmsGateway;
let worker: ReturnType<typeof startTestWorker>;

beforeAll(async () => {
  [sink, gateway] = await Promise.all([startMailSink(), startSmsGateway()]);
  worker = startTestWorker({
    db: outbox.db,
    publicUrl,
    transports: { smtpUrl: sink.smtpUrl, mailFrom, smsGatewayUrl: gateway.url, smsGatewayToken: gateway.token },
  });
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await Promise.all([sink?.stop(), gateway?.stop()]);
});

async function patientWorld(): Promise<{ world: BookingWorld; email: string; phone: string }> {
  const email = `${randomUUID()}@example.test`;
  const phone = `+7916${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  return { world: await writeWorld(outbox.db, outbox.clinicId, { email, phone }), email, phone };
}

function calendarOf(mail: ReceivedMail) {
  const files = mail.attachments.filter((file) => file.contentType.startsWith('text/calendar'));
  expect(files).toHaveLength(1);
  return readIcs(files[0]!.content);
}

describe('the confirmation of a booking', () => {
  it('e-mails the time in Moscow, the room and the instructions with a valid .ics, and texts a short SMS', async () => {
    const { world, email, phone } = await patientWorld();
    // 10 Dec 2026, 14:30 Moscow.
    const booking = await book(outbox.db, world, {
      startsAt: '2026-12-10T11:30:00.000Z',
      bookedAt: '2026-12-03T09:00:00.000Z',
    });
    const mail = await sink.waitFor((received) => received.to === email);
    expect(mail.subject).toBe('Вы записаны на приём 10.12.2026 в 14:30 (мск)');
    expect(mail.text).toContain('Вы записаны на приём: Приём терапевта.');
    expect(mail.text).toContain('Специалист: Смирнов Андрей Павлович, терапевт.');
    expect(mail.text).toContain('Где: Кабинет 214.');
    expect(mail.text).toContain('Как подготовиться: Возьмите паспорт, полис ОМС; натощак, без завтрака');

    const ics = calendarOf(mail);
    expect(ics.calendar.METHOD).toBe('REQUEST');
    expect(ics.event).toMatchObject({
      UID: booking.id,
      SEQUENCE: '0',
      DTSTART: '20261210T113000Z',
      DTEND: '20261210T120000Z',
      LOCATION: 'Кабинет 214',
      DESCRIPTION: 'Возьмите паспорт, полис ОМС; натощак, без завтрака',
      ORGANIZER: 'mailto:noreply@clinic.test',
      ATTENDEE: `mailto:${email}`,
      STATUS: 'CONFIRMED',
    });
    // The summary is long Cyrillic: folded, and read back whole.
    expect(ics.event.SUMMARY).toBe('Приём терапевта — Смирнов Андрей Павлович, терапевт');
    expect(ics.physicalLines.some((line) => line.startsWith(' '))).toBe(true);

    const sms = await gateway.waitFor((received) => received.to === phone);
    expect(sms.text).toBe(
      'Вы записаны: Приём терапевта, 10.12.2026 в 14:30 (мск), Смирнов Андрей Павлович, терапевт. Кабинет 214.',
    );
  });

  it('gives a remote visit a link of its own in the e-mail, the SMS and the .ics, never kept in clear', async () => {
    const { world, email, phone } = await patientWorld();
    const booking = await book(outbox.db, world, {
      startsAt: '2026-12-11T07:00:00.000Z',
      bookedAt: '2026-12-03T09:00:00.000Z',
      remote: true,
    });
    const mail = await sink.waitFor((received) => received.to === email);
    const link = /https:\/\/lk\.clinic\.test\/visit\/([A-Za-z0-9_-]{43})/.exec(mail.text);
    expect(link).not.toBeNull();
    expect(mail.text).toContain('Приём по видеосвязи.');
    expect(mail.text).toContain('Как подготовиться: Проверьте камеру и микрофон заранее');
    expect(mail.text).not.toContain('Кабинет 214');
    const ics = calendarOf(mail);
    expect(ics.event.LOCATION).toBe(link![0]);
    expect(ics.event.URL).toBe(link![0]);
    const sms = await gateway.waitFor((received) => received.to === phone);
    expect(sms.text).toContain(link![0]);

    const token = link![1]!;
    const stored = await outbox.db('appointment_video_tokens').where({ appointment_id: booking.id });
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
    // Sent: the outbox forgets the link too.
    for (const row of await outboxOf(outbox.db, email)) {
      const sent = await waitForRow(outbox.db, row.id, (current) => current.status === 'sent');
      expect(JSON.stringify(sent.params)).not.toContain(token);
    }
  });

  it('moves the same calendar event (its UID, a higher SEQUENCE) and says what was and what is', async () => {
    const { world, email } = await patientWorld();
    const first = await book(outbox.db, world, {
      startsAt: '2026-12-14T08:00:00.000Z',
      bookedAt: '2026-12-03T09:00:00.000Z',
    });
    const second = await move(outbox.db, world, first, {
      startsAt: '2026-12-15T10:00:00.000Z',
      bookedAt: '2026-12-04T09:00:00.000Z',
    });
    const third = await move(outbox.db, world, second, {
      startsAt: '2026-12-16T10:00:00.000Z',
      bookedAt: '2026-12-05T09:00:00.000Z',
    });
    const moved = await sink.waitFor((mail) => mail.to === email && mail.subject.includes('16.12.2026'));
    expect(moved.subject).toBe('Запись перенесена на 16.12.2026 в 13:00 (мск)');
    expect(moved.text).toContain('Было: 15.12.2026 в 13:00 (мск).');
    expect(moved.text).toContain('Стало: 16.12.2026 в 13:00 (мск).');
    const ics = calendarOf(moved);
    expect(ics.calendar.METHOD).toBe('REQUEST');
    expect(ics.event).toMatchObject({ UID: first.id, SEQUENCE: '2', DTSTART: '20261216T100000Z' });

    await cancel(outbox.db, world, third, '2026-12-06T09:00:00.000Z');
    const cancelled = await sink.waitFor((mail) => mail.to === email && mail.subject.startsWith('Запись на'));
    expect(cancelled.subject).toBe('Запись на 16.12.2026 в 13:00 (мск) отменена');
    const cancelIcs = calendarOf(cancelled);
    expect(cancelIcs.calendar.METHOD).toBe('CANCEL');
    expect(cancelIcs.event).toMatchObject({ UID: first.id, SEQUENCE: '3', STATUS: 'CANCELLED' });
  });

  it('queues nothing more when the same event is announced twice', async () => {
    const { world, email } = await patientWorld();
    const booking = await book(outbox.db, world, {
      startsAt: '2026-12-17T08:00:00.000Z',
      bookedAt: '2026-12-03T09:00:00.000Z',
    });
    await withChangeLog(outbox.db, { now: new Date(), clinicId: world.clinicId }, (log) =>
      queueAppointmentNotice(log.trx, { clinicId: world.clinicId, appointment: booking, event: 'booked' }),
    );
    const rows = await outboxOf(outbox.db, email);
    expect(rows.map((row) => row.template)).toEqual(['appointment_booked']);
  });

  it('follows the cabinet account’s channel choices: SMS turned off, the e-mail alone goes', async () => {
    const { world, email, phone } = await patientWorld();
    const at = new Date();
    await outbox.db('cabinet_accounts').insert({
      id: randomUUID(),
      clinic_id: world.clinicId,
      surname: 'Петрова',
      name: 'Ольга',
      birth_date: '1985-04-12',
      sex: 'female',
      email,
      phone,
      patient_id: world.patientId,
      activated_at: at,
      notify_email: true,
      notify_sms: false,
      created_at: at,
      updated_at: at,
    });
    await book(outbox.db, world, { startsAt: '2026-12-18T08:00:00.000Z', bookedAt: '2026-12-03T09:00:00.000Z' });
    const [sms] = await outboxOf(outbox.db, phone);
    expect(sms).toBeDefined();
    expect(
      (await waitForRow(outbox.db, sms!.id, (row) => row.status !== 'queued' && row.status !== 'sending')).status,
    ).toBe('skipped');
    await sink.waitFor((mail) => mail.to === email);
  });

  it('books a patient with no address without a message and without failing the booking', async () => {
    const world = await writeWorld(outbox.db, outbox.clinicId, { email: 'not an address', phone: '8 (495) 123-45-67' });
    const booking = await book(outbox.db, world, {
      startsAt: '2026-12-18T09:00:00.000Z',
      bookedAt: '2026-12-03T09:00:00.000Z',
    });
    expect(booking.status).toBe('booked');
    const queued = await outbox.db('notification_outbox').whereLike('dedupe_key', `%${booking.id}%`);
    expect(queued).toHaveLength(0);
  });
});
