import type { ApiEnvelope } from '../../shared/api/facade';
import { localize, type ErrorCode } from '../../shared/errors/catalog';

/** A failure envelope made in the renderer when the transport itself broke. */
export function localFailure(code: ErrorCode): ApiEnvelope<never> {
  return { ok: false, error: { code, message: localize(code) } };
}
