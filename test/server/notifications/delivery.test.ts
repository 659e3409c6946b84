import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsOf } from '../../../server/cabinet/applications/application-rows';
import { enqueueNotification } from '../../../server/notifications/enqueue';
import { messageIdOf } from '../../../server/notifications/senders';
import { startMailSink, type MailSink } from '../../support/mail-sink';
import { startSmsGateway, type SmsGateway } from '../../support/sms-gateway';
import { recordingLogger, startTestWorker, useOutboxDb, waitForRow } from './outbox-support';

const outbox = useOutboxDb();
const mailFrom = '"Поликлиника" <noreply@clinic.test>';
let sink: MailSink;
let gateway: SmsGateway;
let worker: ReturnType<typeof startTestWorker>;
const logged = recordingLogger();

beforeAll(async () => {
  [sink, gateway] = await Promise.all([startMailSink(), startSmsGateway()]);
  worker = startTestWorker(
    {
      db: outbox.db,
      transports: { smtpUrl: sink.smtpUrl, mailFrom, smsGatewayUrl: gateway.url, smsGatewayToken: gateway.token },
      pollMs: 60_000,
    },
    logged.log,
  );
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await Promise.all([sink?.stop(), gateway?.stop()]);
});

async function addAccount(notify: { email: boolean; sms: boolean }): Promise<string> {
  const id = randomUUID();
  const at = new Date();
  await outbox.db('cabinet_accounts').insert({
    id,
    clinic_id: outbox.clinicId,
    surname: 'Иванова',
    name: 'Анна',
    birth_date: '1990-01-01',
    sex: 'female',
    email: `${id}@example.test`,
    phone: '+79990001122',
    notify_email: notify.email,
    notify_sms: notify.sms,
    created_at: at,
    updated_at: at,
  });
  return id;
}

describe('the notification worker', () => {
  it('sends an e-mail in Russian, text and HTML, through a real SMTP server, and tells the application journal', async () => {
    const applicationId = randomUUID();
    const id = await outbox.db.transaction((trx) =>
      enqueueNotification(trx, {
        clinicId: outbox.clinicId,
        accountId: null,
        applicationId,
        channel: 'email',
        to: 'anna@example.test',
        template: 'application_received',
        params: { number: 'З-26-П-000123', dueAt: '2026-12-10' },
      }),
    );
    // The kick after the commit wakes the worker: its own poll is a minute away.
    const mail = await sink.waitFor((received) => received.to === 'anna@example.test');
    expect(mail.subject).toBe('Заявление З-26-П-000123 принято');
    expect(mail.text).toContain('Мы рассмотрим его до 10.12.2026.');
    expect(mail.html).toContain('<p>Ваше заявление зарегистрировано под номером З-26-П-000123.</p>');
    expect(mail.messageId).toBe(messageIdOf(id, mailFrom));
    expect(mail.from).toBe('noreply@clinic.test');

    const row = await waitForRow(outbox.db, id, (current) => current.status === 'sent');
    expect(row.attempts).toBe(1);
    const events = await eventsOf(outbox.db, outbox.clinicId, [applicationId]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'notification_sent', actor_kind: 'server', device_id: null });
    expect(JSON.parse(String(events[0]!.detail))).toEqual({ channel: 'email', template: 'application_received' });
  });

  it('sends a code by SMS through the gateway, keyed by the row, and keeps neither the code in the row nor in the log', async () => {
    const id = await enqueueNotification(outbox.db, {
      clinicId: outbox.clinicId,
      accountId: null,
      channel: 'sms',
      to: '+79990001122',
      template: 'sign_in_code',
      params: { code: '482913' },
    });
    const sms = await gateway.waitFor((received) => received.key === id);
    expect(sms).toMatchObject({ id, to: '+79990001122' });
    expect(sms.text).toContain('Код для входа: 482913');
    const row = await waitForRow(outbox.db, id, (current) => current.status === 'sent');
    expect(row.params).toEqual({});
    expect(row.provider_id).toMatch(/^sms-/);
    expect(logged.lines.join('\n')).not.toContain('482913');
  });

  it('escapes what a patient typed in the HTML, and links only to web addresses', async () => {
    const hostile = '<img src=x onerror=alert(1)>"&\'';
    await enqueueNotification(outbox.db, {
      clinicId: outbox.clinicId,
      accountId: null,
      channel: 'email',
      to: 'hostile@example.test',
      template: 'application_denied',
      params: { number: 'З-26-П-000124', reason: 'нет документа', note: hostile, supplyDue: '2026-12-14' },
    });
    await enqueueNotification(outbox.db, {
      clinicId: outbox.clinicId,
      accountId: null,
      channel: 'email',
      to: 'link@example.test',
      template: 'email_confirm',
      params: { link: 'javascript:alert(1)' },
    });
    const denied = await sink.waitFor((received) => received.to === 'hostile@example.test');
    expect(denied.text).toContain(`Комментарий: ${hostile}`);
    expect(denied.html).not.toContain('<img');
    expect(denied.html).toContain('Комментарий: &lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;');
    const confirm = await sink.waitFor((received) => received.to === 'link@example.test');
    expect(confirm.html).not.toContain('href="javascript');
  });

  it('skips a status notice on a channel the patient turned off, yet always sends a code', async () => {
    const accountId = await addAccount({ email: false, sms: true });
    const notice = await enqueueNotification(outbox.db, {
      clinicId: outbox.clinicId,
      accountId,
      channel: 'email',
      to: 'quiet@example.test',
      template: 'review_started',
      params: { number: 'З-26-П-000125' },
    });
    const smsNotice = await enqueueNotification(outbox.db, {
      clinicId: outbox.clinicId,
      accountId,
      channel: 'sms',
      to: '+79990003344',
      template: 'review_started',
      params: { number: 'З-26-П-000125' },
    });
    const code = await enqueueNotification(outbox.db, {
      clinicId: outbox.clinicId,
      accountId,
      channel: 'email',
      to: 'quiet@example.test',
      template: 'identity_code',
      params: { code: '771204' },
    });
    await gateway.waitFor((received) => received.key === smsNotice);
    const codeMail = await sink.waitFor((received) => received.to === 'quiet@example.test');
    expect(codeMail.subject).toBe('Код подтверждения личности');
    expect(
      (await waitForRow(outbox.db, notice, (row) => row.status !== 'queued' && row.status !== 'sending')).status,
    ).toBe('skipped');
    // The sink has the message a moment before the sender marks its row: wait for the mark.
    expect(
      (await waitForRow(outbox.db, code, (row) => row.status !== 'queued' && row.status !== 'sending')).status,
    ).toBe('sent');
    expect((await sink.messages()).filter((received) => received.to === 'quiet@example.test')).toHaveLength(1);
  });

  it('refuses to queue a message for a recipient that is not of its channel, and keeps a phone as E.164', async () => {
    await expect(
      enqueueNotification(outbox.db, {
        clinicId: outbox.clinicId,
        accountId: null,
        channel: 'sms',
        to: 'anna@example.test',
        template: 'phone_code',
        params: { code: '1' },
      }),
    ).rejects.toMatchObject({ code: 'notification.request.invalid', field: 'to' });
    const id = await enqueueNotification(outbox.db, {
      clinicId: outbox.clinicId,
      accountId: null,
      channel: 'sms',
      to: '8 (999) 000-77-66',
      template: 'review_started',
      params: { number: 'З-26-П-000126' },
    });
    expect(await gateway.waitFor((received) => received.key === id)).toMatchObject({ to: '+79990007766' });
  });
});
