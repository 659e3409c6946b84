import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { insertRecord } from '../../electron/store/record-door';
import { openCabinetSession } from '../../server/cabinet/session/cabinet-session';
import { defaultClinicId } from '../../server/clinics/clinics';
import type { BrowserContext, Page } from '@playwright/test';
import { cabinetPaths, cabinetSessionCookie, type ApplicationView } from '../../shared/cabinet/cabinet-api';
import { defaultDeadlineSettings } from '../../shared/domain/application';
import { CabinetBrowser, type Answer } from '../server/cabinet/accounts/cabinet-browser';
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
    const server = await startCabinetServer(mail, sms);
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  },
});

export { expect };

/** The consent text's version the cabinet shows (resources/consent/manifest.json). */
const consentVersion = (
  JSON.parse(readFileSync(resolve('resources/consent/manifest.json'), 'utf8')) as {
    texts: { file: string; version: string }[];
  }
).texts.find((entry) => entry.file === '152-fz-v1.ru.md')!.version;

/**
 * The central server with the cabinet on the embedded PGlite (as `npm run server` runs it), its
 * pages from dist/portal, sending through the test's SMTP server and SMS gateway; `oidc` names the
 * identity provider the cabinet trusts.
 */
export function startCabinetServer(
  mail: MailSink,
  sms: SmsGateway,
  oidc?: { issuer: string; clientId: string; clientSecret: string },
  port?: number,
): Promise<SyncServer> {
  return startSyncServer({
    embedded: true,
    ...(port === undefined ? {} : { port }),
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
        ...(oidc ? { oidc: { ...oidc, redirectUri: `${url}/api/cabinet/oidc/callback` } } : {}),
      },
    }),
  });
}

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

/** The code an SMS text carries (an application's number, `З-26-П-000001`, is not one). */
function codeIn(text: string): string | undefined {
  return /\b(\d{6,12})\b/.exec(text.replace(/З-\d{2}-\S+-\d{6}/g, ''))?.[1];
}

/** The code of the last SMS to `phone` that carries one (and whose text matches `about`). */
export async function smsCode(sms: SmsGateway, phone: string, about: RegExp = /./): Promise<string> {
  const carries = (item: ReceivedSms) => item.to === phone && about.test(item.text) && codeIn(item.text) !== undefined;
  await sms.waitFor(carries, 20_000);
  return codeIn((await sms.messages()).filter(carries).at(-1)!.text)!;
}

/** The last e-mail to `to` whose subject or text matches. */
export async function mailTo(mail: MailSink, to: string, pattern: RegExp): Promise<ReceivedMail> {
  const matches = (item: ReceivedMail) =>
    item.to.includes(to) && (pattern.test(item.subject) || pattern.test(item.text));
  await mail.waitFor(matches, 20_000);
  return (await mail.messages()).filter(matches).at(-1)!;
}

/** The first link to the cabinet in an e-mail's text. */
export function linkIn(mail: ReceivedMail, origin: string): string {
  const found = mail.text.match(/https?:\/\/\S+/g)?.find((link) => link.startsWith(origin));
  if (!found) throw new Error(`No link to ${origin} in “${mail.subject}”: ${mail.text}`);
  return found;
}

/** A patient's contacts as typed in the cabinet. */
export interface CabinetContacts {
  email: string;
  phone: string;
}

async function ok<T>(answer: Promise<Answer<T>>, what: string): Promise<T> {
  const { status, body } = await answer;
  if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * A patient who registered, confirmed their e-mail (its link) and phone (its SMS), and their
 * identity with the code sent to the phone on their card — over HTTP, as their browser would:
 * the steps the main test drives through the pages.
 */
export async function confirmedApplicant(
  server: SyncServer,
  mail: MailSink,
  sms: SmsGateway,
  card: ClinicCard,
  contacts: CabinetContacts,
): Promise<CabinetBrowser> {
  const browser = new CabinetBrowser({ origin: server.url }, server.url);
  await ok(
    browser.post(cabinetPaths.register, {
      surname: card.surname,
      name: card.name,
      patronymic: card.patronymic,
      birthDate: card.birthDate,
      sex: 'female',
      snils: card.snils,
      inn: null,
      ...contacts,
    }),
    'register',
  );
  const token = /#token=([^\s&]+)/.exec(linkIn(await mailTo(mail, contacts.email, /./), server.url))![1]!;
  await ok(browser.post(cabinetPaths.emailConfirm, { token }), 'e-mail link');
  await ok(browser.post(cabinetPaths.phoneSend, {}), 'phone code');
  await ok(browser.post(cabinetPaths.phoneConfirm, { code: await smsCode(sms, contacts.phone) }), 'phone');
  await ok(browser.post(cabinetPaths.identityCodeSend, { channel: 'sms' }), 'identity code');
  await ok(browser.post(cabinetPaths.identityCodeConfirm, { code: await smsCode(sms, card.cardPhone) }), 'identity');
  return browser;
}

/** The application, signed with the code sent to the patient's phone; its number. */
export async function appliedOverHttp(browser: CabinetBrowser, sms: SmsGateway, phone: string): Promise<string> {
  const before = (await sms.messages()).length;
  await ok(browser.post(cabinetPaths.applicationSignatureSend, {}), 'signature code');
  await expect.poll(async () => (await sms.messages()).length).toBeGreaterThan(before);
  const application = await ok(
    browser.post<ApplicationView>(cabinetPaths.applications, {
      consentTextVersion: consentVersion,
      consentAccepted: true,
      signatureCode: await smsCode(sms, phone),
    }),
    'application',
  );
  return application.number;
}

/** The cabinet in a tab of `context`, signed in with the session `browser` holds (its cookie handed over). */
export async function cabinetTab(context: BrowserContext, server: SyncServer, browser: CabinetBrowser): Promise<Page> {
  await context.addCookies([
    { name: cabinetSessionCookie, value: browser.cookie!, url: server.url, httpOnly: true, sameSite: 'Strict' },
  ]);
  return context.newPage();
}

/** A card's patient as their activated cabinet account: names and the confirmed contacts. */
export interface CabinetPatient {
  surname: string;
  name: string;
  patronymic: string;
  email: string;
  phone: string;
}

/**
 * The patient's cabinet account as registration, confirmation and activation leave it (their own
 * steps are issue 11's e2e), linked to the card, and the cabinet in a new tab of `context` signed
 * in with a session of the real session store.
 */
export async function patientCabinetTab(
  context: BrowserContext,
  server: SyncServer,
  patientId: string,
  person: CabinetPatient,
): Promise<Page> {
  const now = new Date();
  const clinicId = await defaultClinicId(server.db);
  const accountId = uuidv7();
  await server.db('cabinet_accounts').insert({
    id: accountId,
    clinic_id: clinicId,
    surname: person.surname,
    name: person.name,
    patronymic: person.patronymic,
    birth_date: '1980-03-15',
    sex: 'F',
    email: person.email,
    phone: person.phone,
    email_confirmed_at: now,
    phone_confirmed_at: now,
    activated_at: now,
    patient_id: patientId,
    created_at: now,
    updated_at: now,
  });
  const session = await openCabinetSession(server.db, { accountId, clinicId, stage: 'patient' }, now);
  await context.addCookies([
    { name: cabinetSessionCookie, value: session.cookieValue, url: server.url, httpOnly: true, sameSite: 'Strict' },
  ]);
  return context.newPage();
}
