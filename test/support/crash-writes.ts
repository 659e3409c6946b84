import { z } from 'zod';
import { validSnils } from './fixtures';

/** One acknowledged write of the crash loop's desk writer, as it prints it (one JSON line). */
export const crashWriteSchema = z.object({
  op: z.enum(['create', 'update']),
  id: z.string(),
  surname: z.string(),
  phone: z.string().nullable(),
});
export type CrashWrite = z.infer<typeof crashWriteSchema>;

/** The SNILS of the writer's n-th enrolment: a different valid number for every n below 9·10⁸. */
export function crashWriteSnils(n: number): string {
  return validSnils(String(100_000_000 + n));
}

/** The surname of the writer's n-th enrolment (Cyrillic only, as a surname must be): one for every n. */
export function crashWriteSurname(n: number): string {
  return `Аварийная-${[...String(n)]
    .map((digit) => 'АБВГДЕЖЗИК'[Number(digit)])
    .join('')
    .toLowerCase()}`;
}

/** The mobile number of the writer's n-th write: different for every n below 10⁹. */
export function crashWritePhone(n: number): string {
  const d = String(n % 1_000_000_000).padStart(9, '0');
  return `+7 (9${d.slice(0, 2)}) ${d.slice(2, 5)}-${d.slice(5, 7)}-${d.slice(7, 9)}`;
}
