import { getJson, startChildService, waitForItem } from './child-service';

/** An e-mail as the sink received it. */
export interface ReceivedMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** The files it carried (text content, as UTF-8). */
  attachments: { filename: string; contentType: string; content: string }[];
}

export interface MailSink {
  /** Where to send: `smtp://127.0.0.1:<port>` (no TLS, no authentication). */
  smtpUrl: string;
  /** Every e-mail received so far, in order (a message sent twice is here twice). */
  messages(): Promise<ReceivedMail[]>;
  waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  stop(): Promise<void>;
}

/**
 * A REAL SMTP server (smtp-server + mailparser) in a child process (mail-sink-process.ts), on a
 * random loopback port; the test reads what it received over a loopback HTTP endpoint.
 */
export async function startMailSink(): Promise<MailSink> {
  const service = await startChildService<{ smtpPort: number; httpPort: number }>('test/support/mail-sink-process.ts');
  const messages = async (): Promise<ReceivedMail[]> =>
    (await getJson(`http://127.0.0.1:${service.ready.httpPort}/messages`)) as ReceivedMail[];
  return {
    smtpUrl: `smtp://127.0.0.1:${service.ready.smtpPort}`,
    messages,
    waitFor: (predicate, timeoutMs = 15_000) => waitForItem(messages, predicate, timeoutMs, 'e-mail'),
    stop: service.stop,
  };
}
