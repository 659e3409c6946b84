/**
 * Recovery codes as people see them (A2): ten codes of ten Crockford base32 characters (50 random
 * bits each), printed `XXXXX-XXXXX`. Made and checked by the server for an enrolled desk, by the
 * desk itself where there is no server; how each stores them is its own (never a fast hash).
 */
export const recoveryCodeCount = 10;
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const codeLength = 10;

/** One new code; `randomInt` is the caller's cryptographic source (node:crypto's randomInt). */
export function recoveryCodeText(randomInt: (max: number) => number): string {
  let code = '';
  for (let i = 0; i < codeLength; i += 1) code += alphabet[randomInt(alphabet.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * What a typed code is compared as: case, spaces and dashes do not matter, and the letters
 * Crockford's alphabet leaves out read as the digits they look like (O → 0, I and L → 1).
 */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
