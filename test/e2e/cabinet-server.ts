import { startChildService, exitWhenTold } from '../support/child-service';
import { startMailSink, type MailSink } from '../support/mail-sink';
import { startSmsGateway, type SmsGateway } from '../support/sms-gateway';

/**
 * The patient cabinet served by a REAL central server (buildServer with the cabinet, on PGlite in
 * memory, its pages from dist/portal — `npm run build:portal` first) in a child process of its own,
 * sending through a real SMTP server and SMS gateway (test/support), which the test reads.
 *
 * One patient is made ready for the cabinet's signed-in screens (`patient`): registered, e-mail
 * and phone confirmed, linked to a card made online, activated with `password` — as if the
 * clinic had approved the application and the patient had set the password (the activation path
 * itself is the whole-path e2e's). Everything else the test does through the pages.
 */
export interface CabinetServer {
  /** The cabinet's origin, `http://127.0.0.1:<port>` (its public URL: links in messages point here). */
  url: string;
  mail: MailSink;
  sms: SmsGateway;
  patient: ReadyPatient;
  stop(): Promise<void>;
}

export interface ReadyPatient {
  surname: string;
  name: string;
  patronymic: string;
  birthDate: string;
  email: string;
  phone: string;
  password: string;
}

const readyPatient: ReadyPatient = {
  surname: 'Соколова',
  name: 'Анна',
  patronymic: 'Игоревна',
  birthDate: '1984-03-12',
  email: 'anna.sokolova@example.ru',
  phone: '+79161234567',
  password: 'Сирень-2026!',
};

const childFlag = 'MEDCARD_CABINET_SERVER_CHILD';

export async function startCabinetServer(): Promise<CabinetServer> {
  const mail = await startMailSink();
  const sms = await startSmsGateway();
  try {
    const service = await startChildService<{ url: string }>(
      'test/e2e/cabinet-server.ts',
      {
        [childFlag]: '1',
        CABINET_SMTP_URL: mail.smtpUrl,
        CABINET_SMS_URL: sms.url,
        CABINET_SMS_TOKEN: sms.token,
        CABINET_PATIENT: JSON.stringify(readyPatient),
      },
      120_000,
    );
    return {
      url: service.ready.url,
      mail,
      sms,
      patient: readyPatient,
      async stop() {
        await service.stop();
        await Promise.all([mail.stop(), sms.stop()]);
      },
    };
  } catch (error) {
    await Promise.all([mail.stop(), sms.stop()]);
    throw error;
  }
}

/** The child: the server itself. Its modules load only here, never in Playwright's process. */
async function serve(): Promise<void> {
  const [{ createServer }, { randomBytes }, { resolve }] = await Promise.all([
    import('node:net'),
    import('node:crypto'),
    import('node:path'),
  ]);
  const { buildServer } = await import('../../server/app');
  const { openServerDb } = await import('../../server/db/open');
  const { defaultDeadlineSettings } = await import('../../shared/domain/application');

  // The public URL is the server's own address, so its port is chosen before it listens.
  const port = await new Promise<number>((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const db = await openServerDb({});
  const app = await buildServer({
    db,
    blobKey: randomBytes(32),
    rateLimit: false,
    log: { level: 'warn' },
    cabinet: {
      publicUrl: url,
      secureCookies: false,
      deadlines: defaultDeadlineSettings,
      pagesRoot: resolve('dist/portal'),
      transports: {
        mailFrom: '"Поликлиника" <noreply@clinic.test>',
        smtpUrl: process.env.CABINET_SMTP_URL!,
        smsGatewayUrl: process.env.CABINET_SMS_URL!,
        smsGatewayToken: process.env.CABINET_SMS_TOKEN!,
      },
    },
  });
  await app.listen({ host: '127.0.0.1', port });
  await prepareReadyPatient(db, JSON.parse(process.env.CABINET_PATIENT!) as ReadyPatient);
  exitWhenTold(async () => {
    await app.close();
    await db.destroy();
  });
  process.stdout.write(`${JSON.stringify({ url })}\n`);
}

/** The patient of the signed-in screens: an account as registration, confirmation and activation leave it. */
async function prepareReadyPatient(
  db: Awaited<ReturnType<typeof import('../../server/db/open').openServerDb>>,
  patient: ReadyPatient,
): Promise<void> {
  const { randomUUID } = await import('node:crypto');
  const { defaultClinicId } = await import('../../server/clinics/clinics');
  const { withChangeLog } = await import('../../server/sync/change-log');
  const { accountById } = await import('../../server/cabinet/accounts/account-store');
  const { linkAccountToPatient } = await import('../../server/cabinet/accounts/patient-link');
  const { hashPassword } = await import('../../node-common/password-hash');
  const clinicId = await defaultClinicId(db);
  const now = new Date();
  const id = randomUUID();
  await db('cabinet_accounts').insert({
    id,
    clinic_id: clinicId,
    surname: patient.surname,
    name: patient.name,
    patronymic: patient.patronymic,
    birth_date: patient.birthDate,
    sex: 'female',
    snils: null,
    inn: '500100732259',
    email: patient.email,
    phone: patient.phone,
    email_confirmed_at: now,
    phone_confirmed_at: now,
    password_hash: await hashPassword(patient.password),
    activated_at: now,
    created_at: now,
    updated_at: now,
  });
  await withChangeLog(db, { now, clinicId }, async (log) => {
    await linkAccountToPatient(log, await accountById(log.trx, id, true), now.toISOString());
  });
}

if (process.env[childFlag] === '1') {
  serve().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
