import { expect } from 'vitest';
import { AppError } from '../../../../shared/errors/app-error';
import type { ErrorCode } from '../../../../shared/errors/catalog';

/** The promise fails with an AppError of this code; returns it for further checks. */
export async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}
