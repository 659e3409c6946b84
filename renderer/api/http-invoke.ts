import { z } from 'zod';
import type { ApiEnvelope, Invoke } from '../../shared/api/facade';
import { apiErrorSchema } from '../../shared/errors/app-error';
import { localFailure } from './local-failure';

const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: apiErrorSchema }),
]);

/** The browser host's transport: `POST /api/call/<name>` with the per-launch secret. */
export function createHttpInvoke(secret: string | null): Invoke {
  return async (name, input) => {
    let response: Response;
    try {
      response = await fetch(`/api/call/${name}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(secret ? { Authorization: `Bearer ${secret}` } : {}),
        },
        body: JSON.stringify(input),
      });
    } catch {
      return localFailure('api.internal');
    }
    const parsed = envelopeSchema.safeParse(await response.json().catch(() => null));
    if (parsed.success) return parsed.data as ApiEnvelope<unknown>;
    return localFailure(response.status === 401 ? 'host.unauthorized' : 'api.internal');
  };
}
