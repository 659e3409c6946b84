import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueNotification } from '../../../server/notifications/enqueue';
import { claimDue } from '../../../server/notifications/outbox-store';
import { messageIdOf } from '../../../server/notifications/senders';
import { startMailSink, type MailSink } from '../../support/mail-sink';
import { startTestWorker, testClock, useOutboxDb, waitForRow } from './outbox-support';

const outbox = useOutboxDb();
const mailFrom = 'noreply@clinic.test';
let sink: MailSink;

beforeAll(async () => {
  sink = await startMailSink();
}, 60_000);

afterAll(async () => {
  await sink?.stop();
});

function queueMail(to: string): Promise<string> {
  return enqueueNotification(outbox.db, {
    clinicId: outbox.clinicId,
    accountId: null,
    channel: 'email',
    to,
    template: 'account_activated',
    params: {},
  });
}

describe('the outbox across a restart', () => {
  it('delivers every message exactly once when a worker is stopped mid-way and another takes over', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 40; index += 1) ids.push(await queueMail(`p${index}@example.test`));
    const transports = { smtpUrl: sink.smtpUrl, mailFrom };

    const first = startTestWorker({ db: outbox.db, transports, batchSize: 4, concurrency: 2 });
    await sink.waitFor(() => true);
    await first.stop();
    const afterFirst = (await sink.messages()).length;
    expect(afterFirst).toBeLessThan(ids.length);

    const second = startTestWorker({ db: outbox.db, transports, batchSize: 4, concurrency: 2 });
    try {
      for (const id of ids) await waitForRow(outbox.db, id, (row) => row.status === 'sent');
    } finally {
      await second.stop();
    }
    const received = await sink.messages();
    expect(received).toHaveLength(ids.length);
    expect(new Set(received.map((mail) => mail.messageId))).toEqual(
      new Set(ids.map((id) => messageIdOf(id, mailFrom))),
    );
  });

  it('sends, once its lease runs out, a message a crashed sender had claimed', async () => {
    const clock = testClock();
    const id = await queueMail('crashed@example.test');
    // A sender claims the row and dies before sending it.
    const claimed = await claimDue(outbox.db, clock.now(), 120_000, 10);
    expect(claimed.map((entry) => (entry.ok ? entry.row.id : entry.id))).toEqual([id]);

    const worker = startTestWorker({ db: outbox.db, now: clock.now, transports: { smtpUrl: sink.smtpUrl, mailFrom } });
    try {
      clock.advance(121_000);
      worker.kick();
      const row = await waitForRow(outbox.db, id, (current) => current.status === 'sent');
      expect(row.attempts).toBe(2);
    } finally {
      await worker.stop();
    }
    const mails = (await sink.messages()).filter((mail) => mail.to === 'crashed@example.test');
    expect(mails).toHaveLength(1);
  });
});
