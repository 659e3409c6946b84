import { expect } from 'vitest';
import { AppError, type ErrorParams } from '../../../shared/errors/app-error';
import { localize } from '../../../shared/errors/catalog';

/** Runs `fn`, expects an AppError with `code` (and `params` when given); returns its ru/en texts. */
export function expectAppError(fn: () => unknown, code: string, params?: ErrorParams): { ru: string; en: string } {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${code}`).toBeInstanceOf(AppError);
  const error = caught as AppError;
  expect(error.code).toBe(code);
  if (params) expect(error.params).toMatchObject(params);
  return localize(error.code, error.params);
}
