import { AppError, type ErrorParams } from '../../shared/errors/app-error';
import type { ErrorCode } from '../../shared/errors/catalog';

/** An AppError with the HTTP status it is answered with. */
export class HttpError extends AppError {
  readonly status: number;
  /** Extra response headers (e.g. the offset a blob upload should resume at). */
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: ErrorCode,
    options: { field?: string; params?: ErrorParams; headers?: Record<string, string> } = {},
  ) {
    super(code, options);
    this.name = 'HttpError';
    this.status = status;
    this.headers = options.headers ?? {};
  }
}
