import { request as httpRequest } from 'node:http';
import type { Knex } from 'knex';
import { v7 as uuidv7 } from 'uuid';
import { defaultClinicId } from '../../../../server/clinics/clinics';
import { openCabinetSession } from '../../../../server/cabinet/session/cabinet-session';
import {
  cabinetApiPrefix,
  cabinetPaths,
  cabinetSessionCookie,
  csrfHeader,
} from '../../../../shared/cabinet/cabinet-api';
import type { ServerOptions } from '../../../../server/app';
import { defaultDeadlineSettings } from '../../../../shared/domain/application';
import type { TestServer } from '../../support/test-server';

/** The cabinet turned on, its messages dropped into `mailDrop` (uploads send none). */
export function cabinetOptions(mailDrop: string): NonNullable<ServerOptions['cabinet']> {
  return {
    publicUrl: 'http://127.0.0.1',
    transports: { mailFrom: 'Поликлиника <noreply@clinic.test>', mailDropDir: mailDrop },
    deadlines: defaultDeadlineSettings,
    secureCookies: false,
    background: false,
  };
}

/** A signed-in patient of the cabinet as its page talks to the server: the cookie and the CSRF token. */
export interface CabinetUploader {
  accountId: string;
  headers: Record<string, string>;
}

/**
 * An account made as registration leaves it (linked to `patientId`, or to no card), signed in with
 * a session of the real session store (server/cabinet/session/cabinet-session.ts).
 */
export async function signedInAccount(db: Knex, patientId: string | null): Promise<CabinetUploader> {
  const clinicId = await defaultClinicId(db);
  const accountId = uuidv7();
  const now = new Date();
  await db('cabinet_accounts').insert({
    id: accountId,
    clinic_id: clinicId,
    surname: 'Иванова',
    name: 'Мария',
    patronymic: 'Петровна',
    birth_date: '1980-03-15',
    sex: 'F',
    email: `patient-${accountId}@example.ru`,
    phone: '+79161234567',
    email_confirmed_at: now,
    phone_confirmed_at: now,
    patient_id: patientId,
    created_at: now,
    updated_at: now,
  });
  const { cookieValue, csrfToken } = await openCabinetSession(db, { accountId, clinicId, stage: 'applicant' }, now);
  return { accountId, headers: { cookie: `${cabinetSessionCookie}=${cookieValue}`, [csrfHeader]: csrfToken } };
}

export const scansUrl = (server: TestServer, query = '') =>
  `${server.origin}${cabinetApiPrefix}${cabinetPaths.scans}${query}`;

/** Uploads a file as the cabinet's page does: the file itself as the body. */
export async function upload(
  server: TestServer,
  who: CabinetUploader,
  bytes: Buffer,
  contentType: string,
  query = '',
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(scansUrl(server, query), {
    method: 'POST',
    headers: { ...who.headers, 'content-type': contentType },
    body: new Uint8Array(bytes),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * Streams up to `total` bytes to the route in 64 KiB pieces, each written only when the connection
 * takes it, and stops as soon as the server answers. `sent` counts the bytes the server let in
 * before its answer: the proof that it did not wait for the whole body. With `declared`, the
 * request says its length up front (Content-Length) and waits for the answer before sending any.
 */
export function streamUpload(
  server: TestServer,
  who: CabinetUploader,
  options: { total: number; declared?: boolean },
): Promise<{ status: number; body: Record<string, unknown>; sent: number }> {
  const url = new URL(scansUrl(server));
  const piece = Buffer.alloc(64 * 1024, 0xab);
  piece.set([0xff, 0xd8, 0xff, 0xe0]); // a JPEG's first bytes, so only the size is at fault
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const headers: Record<string, string> = { ...who.headers, 'content-type': 'image/jpeg' };
    if (options.declared) headers['content-length'] = String(options.total);
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent: false },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        // 'close' as well as 'end': the server closes the connection after a refusal, which may
        // cut the request short while its answer (one small packet) is already read.
        response.on('close', () => {
          req.destroy();
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown>, sent });
          } catch {
            reject(new Error(`The answer was cut short: ${text}`));
          }
        });
      },
    );
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (options.declared) {
      req.flushHeaders();
      return;
    }
    const writeMore = () => {
      while (!answered && sent < options.total) {
        sent += piece.length;
        if (!req.write(piece)) {
          req.once('drain', writeMore);
          return;
        }
      }
      if (!answered) req.end();
    };
    writeMore();
  });
}
