import { enpCheck } from '../../shared/domain/identifiers/enp';
import { innCheck } from '../../shared/domain/identifiers/inn';
import { snilsCheck } from '../../shared/domain/identifiers/snils';

/**
 * Valid identifiers numbered by n: different n give different numbers (within each space), so a
 * run of synthetic patients gets unique ones from its index alone, without remembering them.
 * The numbers are realistic and valid, so some belong to real people: demo data only.
 */

/** SNILS bodies that carry a check (001-001-999 … 999-999-999); smaller ones predate it. */
const snilsFirstBody = 1_001_999;
export const snilsSpace = 999_999_999 - snilsFirstBody + 1;

/** The nth valid SNILS, 11 digits; unique for 0 ≤ n < snilsSpace (n is taken modulo it). */
export function generateSnils(n: number): string {
  const body = String(snilsFirstBody + permute(mod(n, snilsSpace), snilsSpace, 15, 0x51c5)).padStart(9, '0');
  return body + snilsCheck(body);
}

/** ЕНП: two digits of a region, four of noise, nine from n, and the Luhn digit. */
export const enpSpace = 1_000_000_000;
const enpRegions = ['45', '40', '46', '41', '50', '65', '92', '60', '03', '80', '22', '36', '75', '57', '04'];

/** The nth valid 16-digit ЕНП; unique for 0 ≤ n < enpSpace (n is taken modulo it). */
export function generateEnp(n: number): string {
  const k = mod(n, enpSpace);
  const noise = mix32(k);
  const region = enpRegions[noise % enpRegions.length] as string;
  const middle = String((noise >>> 8) % 10_000).padStart(4, '0');
  const body = region + middle + String(permute(k, enpSpace, 15, 0xe1a9)).padStart(9, '0');
  return body + enpCheck(body);
}

export const innSpace = 1_000_000;
const innRegions = ['77', '78', '50', '47', '54', '66', '16', '61', '23', '02'];

/** The nth valid 12-digit INN of a person: region, tax office, six digits from n, two checks. */
export function generateInn(n: number): string {
  const k = mod(n, innSpace);
  const noise = mix32(k ^ 0x5bd1e995);
  const region = innRegions[noise % innRegions.length] as string;
  const office = String(((noise >>> 8) % 50) + 1).padStart(2, '0');
  const body = region + office + String(permute(k, innSpace, 10, 0x1d4)).padStart(6, '0');
  return body + innCheck(body);
}

function mod(n: number, space: number): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`An identifier number must be a safe integer, got ${n}`);
  return ((n % space) + space) % space;
}

/**
 * A bijection of [0, space) that scatters consecutive numbers: a 4-round Feistel network on
 * 2·halfBits bits (2^(2·halfBits) ≥ space), walked until it lands inside the space again.
 */
function permute(k: number, space: number, halfBits: number, key: number): number {
  const mask = (1 << halfBits) - 1;
  let x = k;
  do {
    let left = x >>> halfBits;
    let right = x & mask;
    for (let round = 0; round < 4; round++) {
      const next = left ^ (mix32(right ^ Math.imul(key, round + 1)) & mask);
      left = right;
      right = next;
    }
    x = left * (mask + 1) + right;
  } while (x >= space);
  return x;
}

/** A 32-bit integer hash (murmur3's finaliser). */
export function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
