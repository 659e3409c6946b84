import { z } from 'zod';
import { accessLogPageSchema } from '../rights/access-log';

/**
 * «Кто открывал мою карту» in the cabinet (issue 14, F2), under `/api/cabinet`, `patient` stage:
 * `GET /access-log?person=<patientId>&cursor=<n>&own=1&noise=1` — the account's own card (no
 * `person`, or its own id), or a person it represents whose proxy's scope holds
 * `accessLogScopeSection` (the access log is the record of who processed the person's data, so
 * the section that grants their personal data grants it too). Anyone else: 404
 * `access_log.person_not_found`; a proxy without the section: 403 `access_log.out_of_scope`.
 * Each answer is itself audited (`patients.access_log.read`, the account as the reader).
 */
export const cabinetAccessLogPath = '/access-log';

/** The proxy's scope section (shared/domain/proxies.ts `recordSections`) that grants the log. */
export const accessLogScopeSection = 'personal';

const flag = z.enum(['0', '1']).optional();

export const cabinetAccessLogQuerySchema = z.strictObject({
  person: z.uuid().optional(),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number)
    .optional(),
  own: flag,
  noise: flag,
});
export type CabinetAccessLogQuery = z.input<typeof cabinetAccessLogQuerySchema>;

export const cabinetAccessLogSchema = accessLogPageSchema.extend({ patientId: z.string() });
export type CabinetAccessLog = z.infer<typeof cabinetAccessLogSchema>;

/** The query string of one page (the portal's client). */
export function accessLogQuery(query: { person?: string; cursor?: number; own: boolean; noise: boolean }): string {
  const search = new URLSearchParams();
  if (query.person !== undefined) search.set('person', query.person);
  if (query.cursor !== undefined) search.set('cursor', String(query.cursor));
  if (query.own) search.set('own', '1');
  if (query.noise) search.set('noise', '1');
  return search.toString();
}
