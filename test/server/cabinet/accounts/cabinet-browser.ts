import type { Knex } from 'knex';
import {
  cabinetApiPrefix,
  cabinetPaths,
  cabinetSessionCookie,
  csrfHeader,
  type Me,
} from '../../../../shared/cabinet/cabinet-api';
import type { RegisterRequestInput } from '../../../../shared/cabinet/registration';
import type { ServerOptions } from '../../../../server/app';
import { defaultDeadlineSettings } from '../../../../shared/domain/application';
import { validSnils } from '../../../support/fixtures';
import type { TestServer } from '../../support/test-server';

export const publicUrl = 'http://cabinet.test';

/** The cabinet on, background work off: messages stay in the outbox, where the tests read them. */
export function cabinetOptions(): NonNullable<ServerOptions['cabinet']> {
  return {
    publicUrl,
    transports: { mailFrom: 'Поликлиника <noreply@clinic.test>' },
    deadlines: defaultDeadlineSettings,
    secureCookies: false,
    background: false,
  };
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * The cabinet's page as a browser runs it: one cookie jar, the CSRF token from the last `Me` it
 * was given, the cabinet's own Origin on writes.
 */
export class CabinetBrowser {
  cookie: string | undefined;
  csrf: string | undefined;

  /** `publicOrigin`: the cabinet's own origin, sent as Origin (the page's, when the server is not at publicUrl). */
  constructor(
    private readonly server: Pick<TestServer, 'origin'>,
    private readonly publicOrigin: string = publicUrl,
  ) {}

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    extra: { headers?: Record<string, string>; raw?: string } = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { origin: this.publicOrigin, ...extra.headers };
    if (this.cookie) headers.cookie = `${cabinetSessionCookie}=${this.cookie}`;
    if (this.csrf && method !== 'GET' && !(csrfHeader in headers)) headers[csrfHeader] = this.csrf;
    const payload = extra.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.server.origin}${cabinetApiPrefix}${path}`, {
      method,
      headers,
      ...(payload === undefined ? {} : { body: payload }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie?.startsWith(`${cabinetSessionCookie}=`)) {
      const value = setCookie.slice(cabinetSessionCookie.length + 1).split(';')[0] ?? '';
      this.cookie = value === '' ? undefined : value;
      if (value === '') this.csrf = undefined;
    }
    const text = await response.text();
    const parsed = (text === '' ? {} : JSON.parse(text)) as T;
    if (response.ok && typeof (parsed as { csrfToken?: unknown }).csrfToken === 'string')
      this.csrf = (parsed as unknown as Me).csrfToken;
    return { status: response.status, headers: response.headers, body: parsed };
  }

  post<T = Record<string, unknown>>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.call<T>('POST', path, body, headers ? { headers } : {});
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.call<T>('GET', path);
  }
}

let person = 0;

/** A registration of a new adult with a SNILS of their own (and a distinct e-mail). */
export function registration(overrides: Partial<RegisterRequestInput> = {}): RegisterRequestInput {
  person += 1;
  const body = String(200_000_000 + process.pid * 100 + person).slice(-9);
  return {
    surname: 'Смирнова',
    name: 'Анна',
    patronymic: 'Игоревна',
    birthDate: '1985-06-01',
    sex: 'female',
    snils: validSnils(body),
    inn: null,
    email: `anna.${person}.${process.pid}@example.ru`,
    phone: '+7 916 123-45-67',
    ...overrides,
  };
}

export interface OutboxMessage {
  recipient: string;
  template: string;
  channel: string;
  params: Record<string, string>;
}

/** What the outbox holds for a recipient, oldest first. */
export async function outboxFor(db: Knex, recipient: string): Promise<OutboxMessage[]> {
  const rows = await db('notification_outbox')
    .where({ recipient })
    .orderBy('created_at')
    .orderBy('id')
    .select<{ recipient: string; template: string; channel: string; params: unknown }[]>(
      'recipient',
      'template',
      'channel',
      'params',
    );
  return rows.map((row) => ({
    ...row,
    params: (typeof row.params === 'string' ? JSON.parse(row.params) : row.params) as Record<string, string>,
  }));
}

/** The last message of a template to a recipient (its code, its link). */
export async function lastMessage(db: Knex, recipient: string, template: string): Promise<OutboxMessage> {
  const found = (await outboxFor(db, recipient)).filter((message) => message.template === template).at(-1);
  if (!found) throw new Error(`No ${template} message to ${recipient}`);
  return found;
}

/** The token of the last confirmation link sent to the e-mail. */
export async function confirmToken(db: Knex, email: string): Promise<string> {
  const link = (await lastMessage(db, email, 'email_confirm')).params.link ?? '';
  const token = /#token=(.+)$/.exec(link)?.[1];
  if (!token || !link.startsWith(`${publicUrl}/confirm-email#token=`))
    throw new Error(`Not a confirmation link: ${link}`);
  return token;
}

/** Registers and follows the e-mail's link: the browser holds the applicant session. */
export async function registeredApplicant(
  server: TestServer,
  db: Knex,
  overrides: Partial<RegisterRequestInput> = {},
): Promise<{ browser: CabinetBrowser; me: Me; form: RegisterRequestInput }> {
  const form = registration(overrides);
  const browser = new CabinetBrowser(server);
  const registered = await browser.post(cabinetPaths.register, form);
  if (registered.status !== 202) throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
  const confirmed = await browser.post<Me>(cabinetPaths.emailConfirm, { token: await confirmToken(db, form.email) });
  if (confirmed.status !== 200) throw new Error(`confirm: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return { browser, me: confirmed.body, form };
}
