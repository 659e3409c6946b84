import { resolve } from 'node:path';
import { insertRecord } from '../../electron/store/record-door';
import { defaultDeadlineSettings } from '../../shared/domain/application';
import { draft, validSnils } from '../support/fixtures';
import { startMailSink, type MailSink, type ReceivedMail } from '../support/mail-sink';
import { startSmsGateway, type SmsGateway, type ReceivedSms } from '../support/sms-gateway';
import { createPatientAt, startSyncServer, type SyncDesk, type SyncServer } from '../sync/sync-harness';
import { expect, openColleagueDesk, test as syncedDesk } from './synced-desk';

/**
 * The whole online-access path (issue 11) on real parts: the central server with the cabinet on
 * the embedded PGlite (as `npm run server` runs it), its pages from dist/portal, a real SMTP server
 * and SMS gateway in child processes whose mailboxes the test reads, and the desk of synced-desk.ts
 * enrolled with that server.
 */
export const test = syncedDesk.extend<{ mail: MailSink; sms: SmsGateway; server: SyncServer }>({
  // eslint-disable-next-line no-empty-pattern
  mail: async ({}, use) => {
    const mail = await startMailSink();
    try {
      await use(mail);
    } finally {
      await mail.stop();
    }
  },
  // eslint-disable-next-line no-empty-pattern
  sms: async ({}, use) => {
    const sms = await startSmsGateway();
    try {
      await use(sms);
    } finally {
      await sms.stop();
    }
  },
  server: async ({ mail, sms }, use) => {
    const server = await startSyncServer({
      embedded: true,
      extra: (url) => ({
        cabinet: {
          publicUrl: url,
          secureCookies: false,
          deadlines: defaultDeadlineSettings,
          pagesRoot: resolve('dist/portal'),
          transports: {
            mailFrom: '"Поликлиника" <noreply@clinic.test>',
            smtpUrl: mail.smtpUrl,
            smsGatewayUrl: sms.url,
            smsGatewayToken: sms.token,
          },
        },
      }),
    });
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  },
});

export { expect };

/** The card a patient of these tests has at the clinic: made at a colleague's desk, with a confirmed OMS policy. */
export interface ClinicCard {
  patientId: string;
  surname: string;
  name: string;
  patronymic: string;
  birthDate: string;
  snils: string;
  /** The phone on the card: the identity code goes here, not to the number typed in the cabinet. */
  cardPhone: string;
}

/** A confirmed OMS policy on the card, as a clerk records it after checking (C3's third check). */
function confirmedPolicyAt(desk: SyncDesk, patientId: string): void {
  const at = desk.ctx.clock.now().toISOString();
  desk.store.transaction((tx) =>
    insertRecord(
      { tx, actor: desk.ctx.actor, at },
      'patients.write',
      'identity_documents',
      {
        patient_id: patientId,
        type: 'oms_policy',
        form: 'unified',
        number: '7700000000000000',
        policy_status: 'confirmed',
        policy_checked_by: desk.ctx.actor.staffId,
        policy_checked_at: at,
        superseded_at: null,
        deleted_at: null,
      },
      { action: 'documents.add', patientId },
    ),
  );
}

/** Made at a colleague's desk (another window of the registry) and synced to the server. */
export async function cardAtColleagueDesk(
  server: SyncServer,
  colleague: Parameters<typeof openColleagueDesk>[2],
  person: { surname: string; name: string; patronymic: string; snilsBody: string; cardPhone: string },
): Promise<ClinicCard> {
  const other = await openColleagueDesk(server, 'Регистратура, окно 2', colleague);
  try {
    const snils = validSnils(person.snilsBody);
    const input = draft({
      surname: person.surname,
      name: person.name,
      patronymic: person.patronymic,
      snils,
      phone: person.cardPhone,
    });
    const patientId = await createPatientAt(other, input);
    confirmedPolicyAt(other, patientId);
    await other.sync();
    return {
      patientId,
      surname: person.surname,
      name: person.name,
      patronymic: person.patronymic,
      birthDate: String(input.birthDate),
      snils,
      cardPhone: person.cardPhone,
    };
  } finally {
    await other.cleanup();
  }
}

/** The digits of the last code an SMS to `phone` carried. */
export async function smsCode(sms: SmsGateway, phone: string, after = 0): Promise<string> {
  const message: ReceivedSms = await sms.waitFor(
    (item) => item.to === phone && /\b\d{6,8}\b/.test(item.text) && item.id !== '' && after >= 0,
    20_000,
  );
  const all = (await sms.messages()).filter((item) => item.to === phone);
  const last = all.at(-1) ?? message;
  return /\b(\d{6,8})\b/.exec(last.text)![1]!;
}

/** The last e-mail to `to` whose subject matches. */
export async function mailTo(mail: MailSink, to: string, subject: RegExp): Promise<ReceivedMail> {
  await mail.waitFor((item) => item.to.includes(to) && subject.test(item.subject), 20_000);
  const all = (await mail.messages()).filter((item) => item.to.includes(to) && subject.test(item.subject));
  return all.at(-1)!;
}

/** The first link to the cabinet in an e-mail's text. */
export function linkIn(mail: ReceivedMail, origin: string): string {
  const found = mail.text.match(/https?:\/\/\S+/g)?.find((link) => link.startsWith(origin));
  if (!found) throw new Error(`No link to ${origin} in “${mail.subject}”: ${mail.text}`);
  return found;
}
