import { randomBytes } from 'node:crypto';
import { getJson, startChildService, waitForItem } from './child-service';

/** An SMS as the gateway accepted it: the sender's id and idempotency key, the phone and the text. */
export interface ReceivedSms {
  id: string;
  key: string;
  to: string;
  text: string;
}

export interface SmsGateway {
  /** The endpoint to POST to (`http://127.0.0.1:<port>/sms`) and the bearer token it wants. */
  url: string;
  token: string;
  /** Every SMS accepted, once per idempotency key, in order. */
  messages(): Promise<ReceivedSms[]>;
  /** How many send requests came (accepted, repeated, refused and failed alike). */
  requests(): Promise<number>;
  /** The next `count` sends are answered with `status` (default 500) and not accepted. */
  failNext(count: number, status?: number): Promise<void>;
  waitFor(predicate: (sms: ReceivedSms) => boolean, timeoutMs?: number): Promise<ReceivedSms>;
  stop(): Promise<void>;
}

/** A REAL HTTP SMS gateway in a child process (sms-gateway-process.ts), on a random loopback port. */
export async function startSmsGateway(): Promise<SmsGateway> {
  const token = randomBytes(24).toString('hex');
  const service = await startChildService<{ port: number }>('test/support/sms-gateway-process.ts', {
    SMS_GATEWAY_TOKEN: token,
  });
  const base = `http://127.0.0.1:${service.ready.port}`;
  const messages = async (): Promise<ReceivedSms[]> => (await getJson(`${base}/_messages`)) as ReceivedSms[];
  return {
    url: `${base}/sms`,
    token,
    messages,
    async requests() {
      return ((await getJson(`${base}/_requests`)) as { requests: number }).requests;
    },
    async failNext(count, status = 500) {
      const response = await fetch(`${base}/_fail`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count, status }),
      });
      if (!response.ok) throw new Error(`the gateway did not take the failure: ${response.status}`);
    },
    waitFor: (predicate, timeoutMs = 15_000) => waitForItem(messages, predicate, timeoutMs, 'SMS'),
    stop: service.stop,
  };
}
