import { z } from 'zod';
import type { ApiEnvelope, Invoke } from '../../shared/api/facade';
import { apiErrorSchema } from '../../shared/errors/app-error';
import { localFailure } from './local-failure';

const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: apiErrorSchema }),
]);

/**
 * The browser host's transport: `POST /api/call/<name>`, carried by the tab's HttpOnly cookie.
 * When this load brought the launch secret, it is first traded for that cookie
 * (`POST /api/session`, once); a refused trade (the secret already spent elsewhere) is what every
 * call then answers, so the page says why it cannot reach the desk.
 */
export function createHttpInvoke(launchSecret: string | null): Invoke {
  let exchange: Promise<ApiEnvelope<unknown>> | undefined;
  const exchanged = async (): Promise<ApiEnvelope<unknown>> => {
    if (!launchSecret) return { ok: true, data: null };
    exchange ??= post('/api/session', { token: launchSecret });
    const outcome = await exchange;
    // A broken connection is worth another try; a refusal is final.
    if (!outcome.ok && outcome.error.code === 'api.internal') exchange = undefined;
    return outcome;
  };
  return async (name, input) => {
    const outcome = await exchanged();
    return outcome.ok ? post(`/api/call/${name}`, input) : outcome;
  };
}

async function post(path: string, input: unknown): Promise<ApiEnvelope<unknown>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
  } catch {
    return localFailure('api.internal');
  }
  const parsed = envelopeSchema.safeParse(await response.json().catch(() => null));
  if (parsed.success) return parsed.data as ApiEnvelope<unknown>;
  return localFailure(response.status === 401 ? 'host.unauthorized' : 'api.internal');
}
