import { afterEach, describe, expect, it } from 'vitest';
import {
  passwordPolicy,
  passwordRuleParams,
  passwordRules,
  unmetPasswordRules,
} from '../../../shared/auth/password-policy';
import { errorCatalog, localize } from '../../../shared/errors/catalog';
import { setupFirstAdmin } from '../../../electron/auth/first-admin';
import { beginSignIn } from '../../../electron/auth/password-step';
import { newLogin, openAuthDesk, refusal, strongPassword, type AuthDesk } from './auth-harness';

let h: AuthDesk | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

describe('password policy (A2)', () => {
  it('accepts a password with 8+ characters, upper, lower, digit and special', () => {
    for (let i = 0; i < 20; i += 1) expect(unmetPasswordRules(strongPassword())).toEqual([]);
    expect(unmetPasswordRules('Пароль#2026')).toEqual([]);
  });

  it('lists every unmet rule by its code', () => {
    expect(unmetPasswordRules('abc')).toEqual([
      'auth.password.too_short',
      'auth.password.no_upper',
      'auth.password.no_digit',
      'auth.password.no_special',
    ]);
    expect(unmetPasswordRules('ABCDEFGH1!')).toEqual(['auth.password.no_lower']);
    expect(unmetPasswordRules('Abcdefgh!')).toEqual(['auth.password.no_digit']);
    expect(unmetPasswordRules('Abcdefg12')).toEqual(['auth.password.no_special']);
    expect(unmetPasswordRules('')).toHaveLength(5);
  });

  it('counts characters, not UTF-16 units, at both ends', () => {
    const astral = '😀';
    expect(unmetPasswordRules(`Aa1${astral}${astral}${astral}${astral}`)).toEqual(['auth.password.too_short']);
    const atMax = `Aa1!${'x'.repeat(passwordPolicy.maxLength - 4)}`;
    expect(unmetPasswordRules(atMax)).toEqual([]);
    expect(unmetPasswordRules(`${atMax}y`)).toEqual(['auth.password.too_long']);
    expect(unmetPasswordRules(`Aa1!${astral.repeat(passwordPolicy.maxLength - 4)}`)).toEqual([]);
  });

  it('refuses a 1,000-character password with its own code only', () => {
    expect(unmetPasswordRules(`Aa1!${'z'.repeat(996)}`)).toEqual(['auth.password.too_long']);
    expect(unmetPasswordRules('a'.repeat(1000))).toEqual(['auth.password.too_long']);
  });

  it('has a Russian and an English text for every rule, with the numbers filled in', () => {
    for (const code of passwordRules) {
      expect(errorCatalog[code].ru.length).toBeGreaterThan(0);
      expect(errorCatalog[code].en.length).toBeGreaterThan(0);
      const text = localize(code, passwordRuleParams);
      expect(text.ru).not.toMatch(/\{\w+\}/);
      expect(text.en).not.toMatch(/\{\w+\}/);
    }
    expect(localize('auth.password.too_short', passwordRuleParams).en).toContain('8');
  });

  it('refuses a weak first password with every unmet rule as a field issue', async () => {
    h = await openAuthDesk();
    const error = await refusal(
      setupFirstAdmin(h.auth, { login: newLogin(), displayName: 'Админ', password: 'short' }),
    );
    expect(error.code).toBe('auth.password.weak');
    expect(error.issues?.map((issue) => issue.code)).toEqual([
      'auth.password.too_short',
      'auth.password.no_upper',
      'auth.password.no_digit',
      'auth.password.no_special',
    ]);
    expect(error.issues?.every((issue) => issue.field === 'password')).toBe(true);
  });

  it('refuses a 1,000-character password before hashing, at setup and at sign-in, and counts nothing', async () => {
    h = await openAuthDesk();
    const long = `Aa1!${'z'.repeat(996)}`;
    const setup = await refusal(setupFirstAdmin(h.auth, { login: newLogin(), displayName: 'Админ', password: long }));
    expect(setup.issues?.map((issue) => issue.code)).toEqual(['auth.password.too_long']);
    const signIn = await refusal(beginSignIn(h.auth, { login: newLogin(), password: long }));
    expect(signIn).toMatchObject({ code: 'auth.password.too_long', field: 'password' });
    expect(h.desk.count('audit_events')).toBe(0);
    expect(
      h.auth.store.transaction((tx) => tx.get<{ n: number }>('SELECT count(*) AS n FROM auth_unknown_logins')?.n),
    ).toBe(0);
  });
});
