import { describe, expect, it, vi } from 'vitest';
import { addressMaxLength, normalizeAddress, validateAddress } from '../../../shared/domain/address';
import { patientDraftSchema, type PatientDraftInput } from '../../../shared/domain/patient';
import { toFieldIssues } from '../../../shared/errors/zod-issues';

const draft: PatientDraftInput = { surname: 'Семёнова', name: 'Анна', birthDate: '1987-06-15', sex: 'female' };

/** What the desk answers for this address: the stored value, or the field's error code and params. */
function enrol(address: unknown) {
  const input = { ...draft, address };
  const result = patientDraftSchema.safeParse(input);
  if (result.success) return { address: result.data.address };
  const issue = toFieldIssues(result.error, input).find((each) => each.field === 'address');
  return { code: issue?.code, params: issue?.params };
}

// The address rules as spies around the real ones, so a test can see whether they ran.
vi.mock(import('../../../shared/domain/address'), async (importOriginal) => {
  const original = await importOriginal();
  return {
    ...original,
    normalizeAddress: vi.fn(original.normalizeAddress),
    validateAddress: vi.fn(original.validateAddress),
  };
});

/** Which steps of the address's validation ran over `value` while `run` ran. */
function stepsOver(value: string, run: () => void): string[] {
  vi.mocked(normalizeAddress).mockClear();
  vi.mocked(validateAddress).mockClear();
  const trim = vi.spyOn(String.prototype, 'trim');
  try {
    run();
    return [
      ...(trim.mock.contexts.some((context) => String(context) === value) ? ['trim'] : []),
      ...(vi.mocked(normalizeAddress).mock.calls.length > 0 ? ['normalizeAddress'] : []),
      ...(vi.mocked(validateAddress).mock.calls.length > 0 ? ['validateAddress'] : []),
    ];
  } finally {
    trim.mockRestore();
  }
}

describe('patient address (B1)', () => {
  it('keeps a Russian postal address as one tidy line', () => {
    expect(enrol('  123456,  г. Москва, ул. Ленина,\u00a0д. 10, корп. 2, кв. 45 ')).toEqual({
      address: '123456, г. Москва, ул. Ленина, д. 10, корп. 2, кв. 45',
    });
  });

  it('accepts the punctuation of real addresses: №, slashes, quotes, dashes, a foreign address', () => {
    for (const address of [
      'Тверская обл., д. Заречье, мкр. «Южный», д. 3/1, стр. 2',
      'СНТ "Дружба", участок № 17',
      'пр-кт Мира, 101Б — кв. 7',
      '10 Downing Street, London SW1A 2AA',
      'Straße des 17. Juni 135, Berlin',
    ]) {
      expect(enrol(address), address).toEqual({ address });
    }
  });

  it('treats an empty or blank address as not given', () => {
    expect(enrol('')).toEqual({ address: null });
    expect(enrol('   ')).toEqual({ address: null });
    expect(enrol(undefined)).toEqual({ address: null });
    expect(enrol(null)).toEqual({ address: null });
  });

  it(`refuses an address longer than ${addressMaxLength} characters, naming the limit`, () => {
    expect(enrol('г. Москва, '.padEnd(addressMaxLength + 1, 'а'))).toEqual({
      code: 'input.too_long',
      params: { max: addressMaxLength },
    });
    expect(enrol('г. Москва, '.padEnd(addressMaxLength, 'а'))).toMatchObject({ address: expect.any(String) });
  });

  it('refuses a huge value before looking at it', () => {
    const huge = 'а'.repeat(5_000_000);
    let answer: ReturnType<typeof enrol> | undefined;
    // Refused by its length alone: neither trimmed, nor normalised, nor matched against the rules.
    expect(stepsOver(huge, () => (answer = enrol(huge)))).toEqual([]);
    expect(answer).toMatchObject({ code: 'input.too_long' });
    // The spies do see the steps of an address that is looked at.
    const longest = 'г. Москва, '.padEnd(addressMaxLength, 'а');
    expect(stepsOver(longest, () => enrol(longest))).toEqual(['trim', 'normalizeAddress', 'validateAddress']);
  });

  it('refuses control characters: a newline, a tab, NUL, an escape sequence', () => {
    for (const address of [
      'г. Москва\nкв. 5',
      'г. Москва\tкв. 5',
      'г. Москва\u0000',
      'г. Москва \u001b[31mкв. 5',
      'г. Москва\u0085',
    ]) {
      expect(enrol(address), JSON.stringify(address)).toEqual({ code: 'input.control_chars', params: {} });
    }
  });

  it('refuses a right-to-left override and other invisible characters that change what is shown', () => {
    // «кв. 12» followed by U+202E displays reversed: the address on screen is not the one stored.
    for (const address of [
      'ул. Ленина, кв. \u202e21',
      'ул. Ленина\u2066, кв. 1\u2069',
      'ул. Ле\u200bнина',
      'ул.\ufeff Ленина',
      'ул. Ленина\u200f',
      'ул. \ue000Ленина',
    ]) {
      expect(enrol(address), JSON.stringify(address)).toEqual({ code: 'patient.address.invisible', params: {} });
    }
  });

  it('refuses symbols that no address uses, naming the symbol', () => {
    expect(enrol('ул. Ленина, <script>')).toEqual({ code: 'patient.address.characters', params: { symbol: '<' } });
    expect(enrol('ул. Ленина 🏠')).toEqual({ code: 'patient.address.characters', params: { symbol: '🏠' } });
    expect(enrol('ул. Ленина = 5')).toEqual({ code: 'patient.address.characters', params: { symbol: '=' } });
  });

  it('refuses an address without a single letter', () => {
    expect(enrol('12-34, 56')).toEqual({ code: 'patient.address.no_letters', params: {} });
    expect(enrol('---')).toEqual({ code: 'patient.address.no_letters', params: {} });
  });

  it('normalises pasted spelling: composed letters, typographic apostrophes and hyphens', () => {
    expect(normalizeAddress('ул. Ё\u0308лкина')).toBe('ул. Ё\u0308лкина'.normalize('NFC'));
    expect(normalizeAddress('ул. Д`Артаньяна, Санкт\u2011Петербург')).toBe("ул. Д'Артаньяна, Санкт-Петербург");
    expect(validateAddress(normalizeAddress('й'.normalize('NFD') + ' 1'))).toBeNull();
  });
});
