import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReminderSweep, sweepReminders } from '../../../../server/appointments/notices/reminders';
import { startMailSink, type MailSink } from '../../../support/mail-sink';
import { startSmsGateway, type SmsGateway } from '../../../support/sms-gateway';
import { recordingLogger, startTestWorker, useOutboxDb, waitForRow } from '../../notifications/outbox-support';
import { book, cancel, move, outboxOf, writeWorld, type BookingWorld } from './booking-support';

// E3: the reminder the day before goes exactly once per booking — across a sweep stopped mid-way,
// one that died inside its transaction, and two instances sweeping at once — and never for a
// cancelled or moved booking.
const outbox = useOutboxDb();
const mailFrom = 'noreply@clinic.test';
let sink: MailSink;
let gateway: SmsGateway;

beforeAll(async () => {
  [sink, gateway] = await Promise.all([startMailSink(), startSmsGateway()]);
}, 60_000);

afterAll(async () => {
  await Promise.all([sink?.stop(), gateway?.stop()]);
});

async function patient(): Promise<{ world: BookingWorld; email: string; phone: string }> {
  const email = `${randomUUID()}@example.test`;
  const phone = `+7926${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  return { world: await writeWorld(outbox.db, outbox.clinicId, { email, phone }), email, phone };
}

async function reminderRow(appointmentId: string) {
  return outbox.db('appointment_reminders').where({ appointment_id: appointmentId }).first<{
    status: string;
    due_at: Date;
  }>('status', 'due_at');
}

const remindersTo = async (to: string) =>
  (await outboxOf(outbox.db, to)).filter((row) => row.template === 'appointment_reminder');

describe('the reminder the day before', () => {
  it('goes exactly once per booking across a stopped sweep, a crashed one and two at once', async () => {
    // 45 bookings on 20 Jan 2027 at 12:00 Moscow, booked a month ahead: due 19 Jan 10:00 MSK.
    const patients = await Promise.all(Array.from({ length: 45 }, () => patient()));
    const bookings = [];
    for (const { world } of patients) {
      bookings.push(
        await book(outbox.db, world, { startsAt: '2027-01-20T09:00:00.000Z', bookedAt: '2026-12-20T09:00:00.000Z' }),
      );
    }
    const due = new Date('2027-01-19T07:00:00.000Z');
    expect((await reminderRow(bookings[0]!.id))?.due_at).toEqual(due);

    // Not yet due: nothing.
    expect(await sweepReminders(outbox.db, new Date(due.getTime() - 60_000))).toEqual({ queued: 0, dropped: 0 });

    // A sweep stopped after its first batch (the server going down mid-way).
    const first = await sweepReminders(outbox.db, due, () => false);
    expect(first.queued).toBe(20);

    // A sweep that dies inside its transaction (the database refuses one message mid-batch):
    // whatever the batch had queued goes with it, and its reminders stay to do.
    const victim = patients[30]!.email;
    await outbox.db.raw(`CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the database went away'; END $$`);
    await outbox.db.raw(`CREATE TRIGGER refuse_one BEFORE INSERT ON notification_outbox FOR EACH ROW
      WHEN (NEW.recipient = '${victim}') EXECUTE FUNCTION refuse_one()`);
    try {
      await expect(sweepReminders(outbox.db, due)).rejects.toThrow(/went away/);
    } finally {
      await outbox.db.raw('DROP TRIGGER refuse_one ON notification_outbox');
      await outbox.db.raw('DROP FUNCTION refuse_one');
    }
    expect(await remindersTo(victim)).toHaveLength(0);
    expect(await remindersTo(patients[30]!.phone)).toHaveLength(0);
    expect((await reminderRow(bookings[30]!.id))?.status).toBe('pending');

    // The restarted server: two instances' sweeps at once, then the running sweep of one.
    const [a, b] = await Promise.all([sweepReminders(outbox.db, due), sweepReminders(outbox.db, due)]);
    expect(first.queued + a.queued + b.queued).toBe(45);
    const running = startReminderSweep({ db: outbox.db, now: () => due }, recordingLogger().log);
    await running.kick();
    await running.stop();

    for (const { email, phone } of patients) {
      expect(await remindersTo(email)).toHaveLength(1);
      expect(await remindersTo(phone)).toHaveLength(1);
    }

    const worker = startTestWorker({
      db: outbox.db,
      transports: { smtpUrl: sink.smtpUrl, mailFrom, smsGatewayUrl: gateway.url, smsGatewayToken: gateway.token },
    });
    try {
      for (const { email } of patients) {
        const [row] = await remindersTo(email);
        await waitForRow(outbox.db, row!.id, (current) => current.status === 'sent');
      }
    } finally {
      await worker.stop();
    }
    const mails = (await sink.messages()).filter((mail) => mail.subject.startsWith('Напоминание'));
    expect(mails).toHaveLength(45);
    expect(new Set(mails.map((mail) => mail.to)).size).toBe(45);
    expect(mails[0]!.subject).toBe('Напоминание: приём 20.01.2027 в 12:00 (мск)');
    expect(mails[0]!.text).toContain('Как подготовиться: Возьмите паспорт, полис ОМС; натощак, без завтрака');
    const texts = (await gateway.messages()).filter((sms) => sms.text.startsWith('Напоминаем'));
    expect(texts).toHaveLength(45);
    expect(texts[0]!.text).toBe(
      'Напоминаем: 20.01.2027 в 12:00 (мск) — Приём терапевта, Смирнов Андрей Павлович, терапевт. Кабинет 214.',
    );
  });

  it('is not sent for a cancelled booking, nor for the old time of a moved one', async () => {
    const cancelled = await patient();
    const booking = await book(outbox.db, cancelled.world, {
      startsAt: '2027-02-10T09:00:00.000Z',
      bookedAt: '2027-01-01T09:00:00.000Z',
    });
    await cancel(outbox.db, cancelled.world, booking, '2027-01-02T09:00:00.000Z');

    const moved = await patient();
    const old = await book(outbox.db, moved.world, {
      startsAt: '2027-02-10T10:00:00.000Z',
      bookedAt: '2027-01-01T09:00:00.000Z',
    });
    const renewed = await move(outbox.db, moved.world, old, {
      startsAt: '2027-02-12T10:00:00.000Z',
      bookedAt: '2027-01-02T09:00:00.000Z',
    });

    await sweepReminders(outbox.db, new Date('2027-02-10T06:00:00.000Z'));
    expect(await remindersTo(cancelled.email)).toHaveLength(0);
    expect((await reminderRow(booking.id))?.status).toBe('dropped');
    expect(await remindersTo(moved.email)).toHaveLength(0);
    expect((await reminderRow(old.id))?.status).toBe('dropped');

    // The new time's reminder goes the day before it.
    await sweepReminders(outbox.db, new Date('2027-02-11T07:00:00.000Z'));
    const [reminder] = await remindersTo(moved.email);
    expect(reminder?.params.startsAt).toBe('2027-02-12T10:00:00.000Z');
    expect((await reminderRow(renewed.id))?.status).toBe('queued');
  });

  it('drops a reminder whose booking was cancelled after it was planned, at sweep time too', async () => {
    const { world, email } = await patient();
    const booking = await book(outbox.db, world, {
      startsAt: '2027-02-20T09:00:00.000Z',
      bookedAt: '2027-01-01T09:00:00.000Z',
    });
    // Cancelled by a path that did not announce it (the row alone changed).
    await outbox
      .db('records')
      .where({ table_name: 'appointments', id: booking.id })
      .update({ data: outbox.db.raw(`data || '{"status":"cancelled"}'::jsonb`) });
    const swept = await sweepReminders(outbox.db, new Date('2027-02-19T07:00:00.000Z'));
    expect(swept.dropped).toBeGreaterThanOrEqual(1);
    expect(await remindersTo(email)).toHaveLength(0);
  });

  it('booked at night, after the day-before hour: at 08:00 the next morning, not before', async () => {
    const { world, email } = await patient();
    // Booked 9 Mar 2027 23:10 Moscow for 10 Mar 14:30 Moscow.
    const booking = await book(outbox.db, world, {
      startsAt: '2027-03-10T11:30:00.000Z',
      bookedAt: '2027-03-09T20:10:00.000Z',
    });
    expect((await reminderRow(booking.id))?.due_at).toEqual(new Date('2027-03-10T05:00:00.000Z'));
    await sweepReminders(outbox.db, new Date('2027-03-10T04:59:00.000Z'));
    expect(await remindersTo(email)).toHaveLength(0);
    await sweepReminders(outbox.db, new Date('2027-03-10T05:00:00.000Z'));
    expect(await remindersTo(email)).toHaveLength(1);
  });

  it('plans the patient’s own 10:00 when the cabinet gave a zone with another offset', async () => {
    const { world } = await patient();
    // Yekaterinburg is UTC+5: 10:00 there the day before a visit on 25 Mar is 24 Mar 05:00 UTC.
    const booking = await book(outbox.db, world, {
      startsAt: '2027-03-25T09:00:00.000Z',
      bookedAt: '2027-03-01T09:00:00.000Z',
      patientTimeZone: 'Asia/Yekaterinburg',
    });
    expect((await reminderRow(booking.id))?.due_at).toEqual(new Date('2027-03-24T05:00:00.000Z'));
  });
});
