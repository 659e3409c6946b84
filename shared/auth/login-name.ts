/** Logins are Latin, case-insensitive and short: what a clerk types without thinking of layouts. */
export const loginPattern = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** The setup account's login: never a person's, never signed in with. */
export const reservedLogins: readonly string[] = ['desk-setup'];

/** `Ivanova ` and `ivanova` are one login: compared after NFKC, trimming and lower-casing. */
export function normalizeLogin(login: string): string {
  return login.normalize('NFKC').trim().toLowerCase();
}
