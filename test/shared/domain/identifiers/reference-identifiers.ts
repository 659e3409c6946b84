/**
 * Fixture generators for the identifier tests, written from DOMAIN.md's statement of each rule
 * and independently of shared/domain/identifiers, so that the tests cross-check the code rather
 * than repeat it. Never take "valid" numbers from implementation guides: generate them here.
 */

/** mulberry32: a tiny seeded generator, so every test run sees the same numbers. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomDigits(random: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += Math.floor(random() * 10);
  return out;
}

const digitsOf = (text: string): number[] => [...text].map(Number);

/** SNILS: s = Σ d[i]·(9−i); s < 100 → s; 100, 101 → 00; otherwise s mod 101, where 100 → 00. */
export function snilsWeightedSum(body: string): number {
  return digitsOf(body).reduce((sum, digit, i) => sum + digit * (9 - i), 0);
}

export function referenceSnilsCheck(body: string): string {
  const sum = snilsWeightedSum(body);
  let check: number;
  if (sum < 100) check = sum;
  else if (sum === 100 || sum === 101) check = 0;
  else check = sum % 101 === 100 ? 0 : sum % 101;
  return String(check).padStart(2, '0');
}

/** A random SNILS body above 001-001-998 (the ones the check applies to). */
export function randomCheckedSnilsBody(random: () => number): string {
  for (;;) {
    const body = randomDigits(random, 9);
    if (Number(body) > 1_001_998) return body;
  }
}

/** A random checked body whose weighted sum is exactly `sum` (0 < sum ≤ 405). */
export function snilsBodyWithSum(random: () => number, sum: number): string {
  for (let attempt = 0; attempt < 50_000; attempt++) {
    const body = randomCheckedSnilsBody(random);
    if (snilsWeightedSum(body) === sum) return body;
  }
  // Sums at the edges (near 405) are rare at random: build one greedily from the heaviest weight.
  let rest = sum;
  let body = '';
  for (let i = 0; i < 9; i++) {
    const digit = Math.min(9, Math.floor(rest / (9 - i)));
    body += digit;
    rest -= digit * (9 - i);
  }
  return body;
}

/** Luhn by position: from the right of the body, every other digit (starting with the last) is doubled. */
export function referenceLuhnCheck(body: string): string {
  let sum = 0;
  digitsOf(body)
    .reverse()
    .forEach((digit, fromRight) => {
      const value = fromRight % 2 === 0 ? digit * 2 : digit;
      sum += value > 9 ? value - 9 : value;
    });
  return String((10 - (sum % 10)) % 10);
}

/**
 * The widely copied wrong variant DOMAIN.md warns about: it splits the digits by their value
 * (odd ones doubled) instead of by their position.
 */
export function parityLuhnCheck(body: string): string {
  let sum = 0;
  for (const digit of digitsOf(body)) {
    const value = digit % 2 === 1 ? digit * 2 : digit;
    sum += value > 9 ? value - 9 : value;
  }
  return String((10 - (sum % 10)) % 10);
}

/** c(w) = (Σ w[i]·d[i]) mod 11 mod 10; `innResidue` is the value before the final mod 10. */
export function innResidue(digits: string, weights: readonly number[]): number {
  return weights.reduce((sum, weight, i) => sum + weight * Number(digits[i]), 0) % 11;
}

export const innWeights = {
  organisation: [2, 4, 10, 3, 5, 9, 4, 6, 8],
  person11: [7, 2, 4, 10, 3, 5, 9, 4, 6, 8],
  person12: [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8],
} as const;

export function referenceOrganisationInn(body9: string): string {
  return body9 + (innResidue(body9, innWeights.organisation) % 10);
}

export function referencePersonInn(body10: string): string {
  const eleven = body10 + (innResidue(body10, innWeights.person11) % 10);
  return eleven + (innResidue(eleven, innWeights.person12) % 10);
}

/** Every number that differs from `digits` in exactly one position. */
export function* singleDigitChanges(
  digits: string,
): Generator<{ position: number; from: number; to: number; changed: string }> {
  for (let position = 0; position < digits.length; position++) {
    const from = Number(digits[position]);
    for (let to = 0; to <= 9; to++) {
      if (to === from) continue;
      yield { position, from, to, changed: digits.slice(0, position) + to + digits.slice(position + 1) };
    }
  }
}
