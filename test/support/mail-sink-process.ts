import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { exitWhenTold } from './child-service';
import type { ReceivedMail } from './mail-sink';

/** The mail sink's child (mail-sink.ts): a real SMTP server; what it received, over HTTP. */
const received: ReceivedMail[] = [];

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.flatMap((entry) => entry.value.map((address) => address.address ?? '')).filter(Boolean);
}

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((parsed) => {
        received.push({
          to: addresses(parsed.to).join(', ') || session.envelope.rcptTo.map((rcpt) => rcpt.address).join(', '),
          from: addresses(parsed.from).join(', '),
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          html: typeof parsed.html === 'string' ? parsed.html : '',
          messageId: parsed.messageId ?? '',
          attachments: parsed.attachments.map((file) => ({
            filename: file.filename ?? '',
            contentType: file.contentType,
            content: file.content.toString('utf8'),
          })),
        });
        callback();
      })
      .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
  },
});

const http = createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/messages') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(received));
    return;
  }
  response.writeHead(404).end();
});

await new Promise<void>((done) => smtp.listen(0, '127.0.0.1', done));
await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
const smtpPort = (smtp.server.address() as AddressInfo).port;
const httpPort = (http.address() as AddressInfo).port;
process.stdout.write(`${JSON.stringify({ smtpPort, httpPort })}\n`);

exitWhenTold(async () => {
  http.closeAllConnections();
  await Promise.all([
    new Promise<void>((done) => smtp.close(done)),
    new Promise<void>((done) => http.close(() => done())),
  ]);
});
