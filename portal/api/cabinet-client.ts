import { z } from 'zod';
import {
  applicationViewSchema,
  cabinetApiPrefix,
  cabinetPaths,
  codeSentSchema,
  csrfHeader,
  identityStateSchema,
  meSchema,
  notificationSettingsSchema,
  representationSchema,
  signInChallengeSchema,
  uploadedScanSchema,
  type CodeChannel,
  type Me,
  type NotificationSettings,
  type SubmitApplication,
} from '../../shared/cabinet/cabinet-api';
import type { RegisterRequestInput } from '../../shared/cabinet/registration';
import { documentTypes } from '../../shared/domain/documents/identity-document';
import { AppointmentCalls } from './appointments-client';
import { CabinetError } from './cabinet-error';
import { ChartCalls } from './chart-client';
import { AccessLogCalls } from '../screens/access-log/access-log-calls';
import { RecordRequestCalls } from '../screens/record-requests/record-request-calls';
import { sendWithProgress, type Progress } from './upload-progress';

export type Method = 'GET' | 'POST' | 'PUT';
const registeredSchema = z.object({ sentTo: z.string() });
const totpBeginSchema = z.object({ uri: z.string(), secret: z.string() });
const applicationsSchema = z.array(applicationViewSchema);
const nothing = z.unknown();

export type DocumentType = (typeof documentTypes)[number];

/**
 * The cabinet's API as the page calls it. Every answer is checked with the contract's schema
 * (shared/cabinet/cabinet-api.ts); a write carries the session's CSRF token, learnt from any
 * answer that is a `Me`.
 */
export class CabinetClient {
  private csrfToken: string | null = null;

  /** The chart's calls (issue 12, shared/cabinet/chart-api.ts), through the same checked requests. */
  readonly chart: ChartCalls;
  /** The appointments' calls (issue 13, shared/cabinet/appointments-api.ts). */
  readonly appointments: AppointmentCalls;
  /** «Кто открывал мою карту» (issue 14, shared/cabinet/access-log-api.ts). */
  readonly accessLog: AccessLogCalls;
  /** Requests for one's records (issue 14, shared/cabinet/record-requests-api.ts). */
  readonly recordRequests: RecordRequestCalls;

  constructor(private readonly base = cabinetApiPrefix) {
    this.chart = new ChartCalls(base, (method, path, schema, body, onProgress) =>
      this.call(method, path, schema, body, onProgress),
    );
    this.appointments = new AppointmentCalls(base, (method, path, schema, body) =>
      this.call(method, path, schema, body),
    );
    this.accessLog = new AccessLogCalls((method, path, schema, body) => this.call(method, path, schema, body));
    this.recordRequests = new RecordRequestCalls(base, (method, path, schema, body) =>
      this.call(method, path, schema, body),
    );
  }

  me = () => this.remember(this.call('GET', cabinetPaths.me, meSchema));
  register = (body: RegisterRequestInput) => this.call('POST', cabinetPaths.register, registeredSchema, body);
  emailConfirm = (token: string) => this.remember(this.call('POST', cabinetPaths.emailConfirm, meSchema, { token }));
  emailResend = (email: string) => this.call('POST', cabinetPaths.emailResend, nothing, { email });
  phoneSend = () => this.call('POST', cabinetPaths.phoneSend, codeSentSchema, {});
  phoneConfirm = (code: string) => this.remember(this.call('POST', cabinetPaths.phoneConfirm, meSchema, { code }));
  signIn = (email: string, password: string) =>
    this.call('POST', cabinetPaths.signIn, signInChallengeSchema, { email, password });
  signInSend = (challengeId: string, channel: CodeChannel) =>
    this.call('POST', cabinetPaths.signInSend, codeSentSchema, { challengeId, channel });
  signInVerify = (challengeId: string, channel: CodeChannel, code: string) =>
    this.remember(this.call('POST', cabinetPaths.signInVerify, meSchema, { challengeId, channel, code }));
  signOut = () => this.forget(this.call('POST', cabinetPaths.signOut, nothing));
  signOutEverywhere = () => this.forget(this.call('POST', cabinetPaths.signOutEverywhere, nothing));
  activate = (body: { email: string; code: string; password: string }) =>
    this.call('POST', cabinetPaths.activate, nothing, body);
  totpBegin = () => this.call('POST', cabinetPaths.totpBegin, totpBeginSchema);
  totpConfirm = (code: string) => this.call('POST', cabinetPaths.totpConfirm, nothing, { code });
  notificationSettings = () => this.call('GET', cabinetPaths.notificationSettings, notificationSettingsSchema);
  saveNotificationSettings = (settings: NotificationSettings) =>
    this.call('PUT', cabinetPaths.notificationSettings, notificationSettingsSchema, settings);
  representation = () => this.call('GET', cabinetPaths.representation, representationSchema);
  identity = () => this.call('GET', cabinetPaths.identity, identityStateSchema);
  identityCodeSend = (channel: 'sms' | 'email') =>
    this.call('POST', cabinetPaths.identityCodeSend, codeSentSchema, { channel });
  identityCodeConfirm = (code: string) =>
    this.call('POST', cabinetPaths.identityCodeConfirm, identityStateSchema, { code });
  identityDocument = (body: { scanId: string; documentType: DocumentType; series: string; number: string }) =>
    this.call('POST', cabinetPaths.identityDocument, identityStateSchema, body);
  uploadScan = (file: File) => this.call('POST', cabinetPaths.scans, uploadedScanSchema, file);
  signatureSend = () => this.call('POST', cabinetPaths.applicationSignatureSend, codeSentSchema, {});
  applications = () => this.call('GET', cabinetPaths.applications, applicationsSchema);
  submitApplication = (body: SubmitApplication) =>
    this.call('POST', cabinetPaths.applications, applicationViewSchema, body);
  supply = (id: string, body: { note: string; scanIds: string[] }) =>
    this.call('POST', withId(cabinetPaths.applicationSupply, id), applicationViewSchema, body);
  appeal = (id: string, text: string) =>
    this.call('POST', withId(cabinetPaths.applicationAppeal, id), applicationViewSchema, { text });

  /** Where the browser goes to sign in through the identity provider. */
  get oidcStartUrl(): string {
    return `${this.base}${cabinetPaths.oidcStart}`;
  }

  private async remember(answer: Promise<Me>): Promise<Me> {
    const me = await answer;
    this.csrfToken = me.csrfToken;
    return me;
  }

  private async forget<T>(answer: Promise<T>): Promise<T> {
    const result = await answer;
    this.csrfToken = null;
    return result;
  }

  private async call<S extends z.ZodType>(
    method: Method,
    path: string,
    schema: S,
    body?: unknown,
    onProgress?: Progress,
  ): Promise<z.output<S>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    let payload: Blob | string | undefined;
    if (body instanceof File) {
      headers['content-type'] = body.type || 'application/octet-stream';
      payload = body;
    } else if (body !== undefined || method !== 'GET') {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body ?? {});
    }
    const token = this.csrfToken;
    if (method !== 'GET' && token) headers[csrfHeader] = token;
    let response: { ok: boolean; status: number; text: string };
    try {
      const url = `${this.base}${path}`;
      // A file's upload reports how far it has gone (fetch cannot); everything else is fetched.
      response = onProgress
        ? await sendWithProgress(url, { method, headers, body: payload }, onProgress)
        : await fetch(url, { method, headers, body: payload, credentials: 'same-origin' }).then(async (answer) => ({
            ok: answer.ok,
            status: answer.status,
            text: await answer.text(),
          }));
    } catch {
      throw CabinetError.local('server.unavailable');
    }
    const text = response.text;
    let json: unknown = undefined;
    if (text !== '') {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    if (!response.ok) {
      // The session this request spoke for is gone; a newer one (made meanwhile) stays.
      if (response.status === 401 && this.csrfToken === token) this.csrfToken = null;
      throw CabinetError.fromBody(response.status, json);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw CabinetError.local('api.internal', response.status);
    return parsed.data;
  }
}

function withId(path: string, id: string): string {
  return path.replace(':id', encodeURIComponent(id));
}
