/** Where a code or link went, shown without giving the whole contact away. */

/** `ivan.petrov@mail.ru` → `i***@mail.ru`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** `+79161234567` → `+7 *** ***-**-67`. */
export function maskPhone(e164: string): string {
  return `${e164.slice(0, 2)} *** ***-**-${e164.slice(-2)}`;
}
