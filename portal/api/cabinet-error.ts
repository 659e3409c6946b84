import { apiErrorSchema, type ApiError } from '../../shared/errors/app-error';
import { localize, type ErrorCode } from '../../shared/errors/catalog';

/** A refusal of the cabinet's API (or the network's), with the catalogue's words for it. */
export class CabinetError extends Error {
  readonly status: number;
  readonly body: ApiError;
  /** The answer as sent, for a refusal that carries more than the code (a taken slot's alternatives). */
  readonly detail: unknown;

  constructor(status: number, body: ApiError, detail?: unknown) {
    super(`${body.code}: ${body.message.en}`);
    this.name = 'CabinetError';
    this.status = status;
    this.body = body;
    this.detail = detail;
  }

  get code(): string {
    return this.body.code;
  }

  /** A refusal made here rather than by the server: the server unreachable, its answer malformed. */
  static local(code: ErrorCode, status = 0): CabinetError {
    return new CabinetError(status, { code, message: localize(code) });
  }

  /** The server's refusal as sent; an unreadable one becomes `api.internal`. */
  static fromBody(status: number, body: unknown): CabinetError {
    const parsed = apiErrorSchema.safeParse(body);
    if (!parsed.success) return CabinetError.local(status === 429 ? 'server.rate_limited' : 'api.internal', status);
    // The server fills the catalogue's texts with the refusal's values (attempts left, a limit).
    return new CabinetError(status, parsed.data, body);
  }
}

export function asCabinetError(error: unknown): CabinetError {
  return error instanceof CabinetError ? error : CabinetError.local('api.internal');
}
