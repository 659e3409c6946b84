/** The token the test servers give the patients' portal (sync harness, portal tests, e2e). */
export const testPortalToken = 'portal-test-token-0123456789abcdef0123456789abcdef';

export interface PortalReply<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/**
 * The patients' portal as the server sees it: JSON over HTTP with its bearer token (`token: null`
 * sends none), as the future portal will call /v1/portal.
 */
export async function portalRequest<T = Record<string, unknown>>(
  origin: string,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; token?: string | null; authorization?: string } = {},
): Promise<PortalReply<T>> {
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? testPortalToken : options.token;
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  else if (token !== null) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const init: RequestInit = { method, headers };
  if (options.body !== undefined) init.body = JSON.stringify(options.body);
  const response = await fetch(`${origin}/v1/portal${path}`, init);
  return { status: response.status, body: (await response.json()) as T };
}

/** One identity-confirmation attempt as the portal reports it. */
export function reportAttempt(origin: string, patientId: string, outcome: 'passed' | 'failed', method = 'sms_code') {
  return portalRequest(origin, 'POST', '/identity-attempts', { body: { patientId, method, outcome } });
}

/** Whether the portal may show the patient their records. */
export function accessOf(origin: string, patientId: string) {
  return portalRequest<{ allowed: boolean; identity: { status: string }; consent: { valid: boolean; reason: string } }>(
    origin,
    'GET',
    `/patients/${patientId}/access`,
  );
}
