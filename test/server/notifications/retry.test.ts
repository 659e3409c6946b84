import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueNotification } from '../../../server/notifications/enqueue';
import { maxAttempts, retryDelayMs, retryDelaysMs } from '../../../server/notifications/worker';
import { startSmsGateway, type SmsGateway } from '../../support/sms-gateway';
import { outboxRow, startTestWorker, testClock, useOutboxDb, waitForRow } from './outbox-support';

const outbox = useOutboxDb();
const clock = testClock();
let gateway: SmsGateway;
let worker: ReturnType<typeof startTestWorker>;

beforeAll(async () => {
  gateway = await startSmsGateway();
  worker = startTestWorker({
    db: outbox.db,
    now: clock.now,
    transports: { mailFrom: 'noreply@clinic.test', smsGatewayUrl: gateway.url, smsGatewayToken: gateway.token },
  });
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await gateway?.stop();
});

function queueSms(to: string): Promise<string> {
  return enqueueNotification(outbox.db, {
    clinicId: outbox.clinicId,
    accountId: null,
    channel: 'sms',
    to,
    template: 'phone_code',
    params: { code: '550055' },
  });
}

describe('retries', () => {
  it('waits 30 s, then 2 min, … each ±20 %, up to 6 h', () => {
    expect(retryDelayMs(1, () => 0)).toBe(24_000);
    expect(retryDelayMs(1, () => 1)).toBe(36_000);
    expect(retryDelayMs(2, () => 0.5)).toBe(120_000);
    expect(retryDelayMs(5, () => 0.5)).toBe(retryDelaysMs[4]);
  });

  it('retries an SMS the gateway failed (500) only when its backoff is over, and delivers it once', async () => {
    await gateway.failNext(1, 500);
    const id = await queueSms('+79990005501');
    const failed = await waitForRow(outbox.db, id, (row) => row.attempts === 1 && row.status === 'queued');
    expect(failed.last_error).toBe('notification.sms.unavailable');
    expect(failed.params).toEqual({ code: '550055' });
    expect(failed.next_attempt_at.getTime()).toBeGreaterThanOrEqual(clock.now().getTime() + 24_000);
    expect(await gateway.messages()).toHaveLength(0);

    clock.advance(40_000);
    worker.kick();
    const sms = await gateway.waitFor((received) => received.key === id);
    expect(sms.text).toContain('550055');
    const sent = await waitForRow(outbox.db, id, (row) => row.status === 'sent');
    expect(sent.attempts).toBe(2);
    expect((await gateway.messages()).filter((received) => received.key === id)).toHaveLength(1);
  });

  it('does not retry what the gateway refused (400): the message fails with its code, its secret gone', async () => {
    await gateway.failNext(1, 400);
    const id = await queueSms('+79990005502');
    const row = await waitForRow(outbox.db, id, (current) => current.status === 'failed');
    expect(row).toMatchObject({ attempts: 1, last_error: 'notification.sms.rejected', params: {} });
  });

  it(`gives up after ${maxAttempts} failed attempts`, async () => {
    await gateway.failNext(maxAttempts, 503);
    const id = await queueSms('+79990005503');
    for (let attempt = 1; attempt < maxAttempts; attempt += 1) {
      await waitForRow(outbox.db, id, (row) => row.attempts === attempt && row.status === 'queued');
      clock.advance(retryDelaysMs[attempt - 1]! * 1.25);
      worker.kick();
    }
    const row = await waitForRow(outbox.db, id, (current) => current.status === 'failed');
    expect(row).toMatchObject({ attempts: maxAttempts, last_error: 'notification.sms.unavailable', params: {} });
    expect((await outboxRow(outbox.db, id)).status).toBe('failed');
    expect((await gateway.messages()).filter((received) => received.key === id)).toHaveLength(0);
  });
});
