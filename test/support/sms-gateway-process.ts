import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exitWhenTold } from './child-service';
import type { ReceivedSms } from './sms-gateway';

/**
 * The SMS gateway's child (sms-gateway.ts): `POST /sms` JSON `{ id, to, text }` with
 * `authorization: Bearer <token>` and an `idempotency-key` (a repeated key is answered as before,
 * not sent again). Test controls: `GET /_messages`, `GET /_requests`, `POST /_fail { count, status }`.
 */
const token = process.env.SMS_GATEWAY_TOKEN ?? '';
const received: ReceivedSms[] = [];
const byKey = new Map<string, string>();
let requests = 0;
let failures = { count: 0, status: 500 };

async function body(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

const http = createServer((request, response) => {
  const answer = (status: number, value: unknown): void => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(value));
  };
  void (async () => {
    if (request.method === 'GET' && request.url === '/_messages') return answer(200, received);
    if (request.method === 'GET' && request.url === '/_requests') return answer(200, { requests });
    if (request.method === 'POST' && request.url === '/_fail') {
      const asked = (await body(request)) as { count?: number; status?: number };
      failures = { count: asked.count ?? 1, status: asked.status ?? 500 };
      return answer(200, failures);
    }
    if (request.method !== 'POST' || request.url !== '/sms') return answer(404, { error: 'not_found' });
    requests += 1;
    if (request.headers.authorization !== `Bearer ${token}`) return answer(401, { error: 'unauthorized' });
    const sms = (await body(request)) as Partial<ReceivedSms>;
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || typeof sms.to !== 'string' || typeof sms.text !== 'string') {
      return answer(400, { error: 'bad_request' });
    }
    if (failures.count > 0) {
      failures.count -= 1;
      return answer(failures.status, { error: 'failure_injected' });
    }
    const known = byKey.get(key);
    if (known) return answer(200, { id: known, duplicate: true });
    const id = `sms-${received.length + 1}`;
    byKey.set(key, id);
    received.push({ id: String(sms.id ?? ''), key, to: sms.to, text: sms.text });
    return answer(200, { id });
  })().catch(() => answer(400, { error: 'bad_request' }));
});

await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
process.stdout.write(`${JSON.stringify({ port: (http.address() as AddressInfo).port })}\n`);

exitWhenTold(async () => {
  http.closeAllConnections();
  await new Promise<void>((done) => http.close(() => done()));
});
