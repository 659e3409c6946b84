import type { Page } from '@playwright/test';
import { startOidcProvider } from '../support/oidc-provider';
import { validSnils } from '../support/fixtures';
import { freePort } from '../sync/sync-harness';
import {
  appliedOverHttp,
  cabinetTab,
  cardAtColleagueDesk,
  confirmedApplicant,
  expect,
  mailTo,
  smsCode,
  startCabinetServer,
  test,
} from './online-access';

// A desk, a colleague's desk, a server, an SMTP server and an SMS gateway for each test.
test.describe.configure({ timeout: 240_000 });
test.use({ actionTimeout: 30_000 });

/** The clerk opens the application from the «Заявления» queue. */
async function openApplication(page: Page, number: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Разделы' })
    .getByRole('link', { name: /Заявления/ })
    .click();
  const row = page.getByRole('row', { name: new RegExp(number) });
  await expect(row).toBeVisible({ timeout: 40_000 });
  await row.click();
  await expect(page.getByRole('heading', { name: new RegExp(number) })).toBeVisible();
}

test('a denial cites its clause, the patient supplies what was missing, and the review approves it with an SMS code (C4)', async ({
  page,
  context,
  server,
  colleagues,
  mail,
  sms,
}) => {
  const contacts = { email: 'petr.dopolnov@example.ru', phone: '+79167770011' };
  const card = await cardAtColleagueDesk(server, colleagues[0]!, {
    surname: 'Дополнова',
    name: 'Полина',
    patronymic: 'Петровна',
    snilsBody: '523461879',
    cardPhone: '+79037770022',
  });
  const browser = await confirmedApplicant(server, mail, sms, card, contacts);
  const number = await appliedOverHttp(browser, sms, contacts.phone);

  // The clerk denies, naming the reason (its clause) and what to bring.
  await openApplication(page, number);
  await page.getByRole('button', { name: 'Начать рассмотрение' }).click();
  await page.getByRole('combobox', { name: 'Причина отказа' }).click();
  await page.getByRole('option', { name: 'Доступ ограничен законом (323-ФЗ, ст. 22)' }).click();
  await page
    .getByRole('textbox', { name: 'Комментарий для пациента' })
    .fill('Приложите решение суда о снятии ограничения');
  await page.getByRole('button', { name: 'Отказать' }).click();
  await expect(page.getByText('Отказано: Доступ ограничен законом (323-ФЗ, ст. 22)', { exact: true })).toBeVisible();
  const denial = await mailTo(mail, contacts.email, /Отказ по заявлению/);
  expect(denial.text).toContain(number);
  expect(denial.text).toContain('доступ ограничен законом (323-ФЗ, ст. 22)');
  expect(denial.text).toContain('Приложите решение суда о снятии ограничения');

  // The patient reads the reason in plain words and supplies what was missing before the deadline.
  const cabinet = await cabinetTab(context, server, browser);
  await cabinet.goto(`${server.url}/application`);
  await expect(cabinet.getByText('Причина отказа: Доступ ограничен законом (323-ФЗ, ст. 22)')).toBeVisible();
  await expect(cabinet.getByText(/Приложите недостающее до/)).toBeVisible();
  await cabinet
    .getByRole('textbox', { name: 'Что вы прилагаете' })
    .fill('Решение суда от 01.12.2026 — принесу оригинал');
  await cabinet.getByRole('button', { name: 'Отправить' }).click();
  await expect(cabinet.getByText('Вы дополнили заявление')).toBeVisible();
  await expect(cabinet.getByText('На рассмотрении').first()).toBeVisible();

  // Back in review at the desk: approved, the activation code by SMS.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText('Пациент дополнил заявление', { exact: true })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 40_000 });
  await page.getByRole('radio', { name: 'По SMS' }).check();
  await page.getByRole('button', { name: 'Одобрить' }).click();
  await expect(page.getByText('Одобрено, код активации: По SMS', { exact: true })).toBeVisible();

  // The SMS code activates the cabinet.
  const code = await smsCode(sms, contacts.phone, /актив/i);
  await cabinet.goto(`${server.url}/activate`);
  await cabinet.getByRole('textbox', { name: 'Электронная почта' }).fill(contacts.email);
  await cabinet.getByRole('textbox', { name: 'Код активации' }).fill(code);
  await cabinet.getByLabel('Новый пароль').fill('Ромашка-2026!');
  await cabinet.getByLabel('Пароль ещё раз').fill('Ромашка-2026!');
  await cabinet.getByRole('button', { name: 'Задать пароль' }).click();
  await expect(cabinet.getByText('Пароль задан. Теперь войдите в кабинет.')).toBeVisible();
});

test('an application past its deadline is flagged and escalated once, and the patient is told of the delay (C2, §3.4)', async ({
  page,
  context,
  server,
  colleagues,
  mail,
  sms,
}) => {
  const contacts = { email: 'ozhidaeva@example.ru', phone: '+79168880011' };
  const card = await cardAtColleagueDesk(server, colleagues[0]!, {
    surname: 'Ожидаева',
    name: 'Ольга',
    patronymic: 'Олеговна',
    snilsBody: '634157298',
    cardPhone: '+79038880022',
  });
  const browser = await confirmedApplicant(server, mail, sms, card, contacts);
  const number = await appliedOverHttp(browser, sms, contacts.phone);

  // Nobody opened it; the clock moves past the legal maximum of 5 working days.
  const { sweepOverdue } = await import('../../server/cabinet/applications/deadline-sweeper');
  const later = new Date(Date.now() + 8 * 24 * 60 * 60 * 1000);
  expect(await sweepOverdue({ db: server.db }, later)).toBe(1);
  expect(await sweepOverdue({ db: server.db }, later)).toBe(0);

  const delay = await mailTo(mail, contacts.email, /Задержка рассмотрения/);
  expect(delay.text).toContain(number);
  // Told once: a second pass sends nothing more.
  await expect
    .poll(async () => (await mail.messages()).filter((item) => /Задержка рассмотрения/.test(item.subject)).length)
    .toBe(1);
  const cabinet = await cabinetTab(context, server, browser);
  await cabinet.goto(`${server.url}/application`);
  await expect(cabinet.getByText('Срок нарушен')).toBeVisible();
  await expect(cabinet.getByText('Срок рассмотрения нарушен — заявление передано руководителю')).toBeVisible();

  // The desk's journal shows the escalation.
  await openApplication(page, number);
  await expect(page.getByText('Срок рассмотрения истёк')).toBeVisible({ timeout: 40_000 });
  await expect(page.getByText('Просрочка передана руководителю')).toBeVisible();
});

test('signing in through the identity provider skips the online identity checks (OIDC)', async ({
  browser,
  mail,
  sms,
}) => {
  const client = { clientId: 'medcard-cabinet', clientSecret: 'test-secret-of-the-cabinet-client-0123456789' };
  // The cabinet's callback is registered with the provider, so the cabinet's port is chosen first.
  const port = await freePort();
  const provider = await startOidcProvider({
    clients: [{ ...client, redirectUris: [`http://127.0.0.1:${port}/api/cabinet/oidc/callback`] }],
    accounts: [
      {
        sub: 'esia-2001',
        password: 'Esia-пароль-1',
        claims: {
          family_name: 'Федералова',
          given_name: 'Фаина',
          middle_name: 'Фёдоровна',
          birthdate: '1979-09-09',
          gender: 'female',
          snils: validSnils('745216398'),
          email: 'federalova@example.ru',
          email_verified: true,
          phone_number: '+79169990011',
          phone_number_verified: true,
        },
      },
    ],
  });
  const server = await startCabinetServer(mail, sms, { issuer: provider.issuer, ...client }, port);
  try {
    const cabinet = await browser.newPage();
    await cabinet.goto(`${server.url}/sign-in`);
    await cabinet.getByRole('link', { name: 'Войти через Госуслуги' }).click();
    await cabinet.getByLabel('Логин').fill('esia-2001');
    await cabinet.getByLabel('Пароль').fill('Esia-пароль-1');
    await cabinet.getByRole('button', { name: 'Войти' }).click();
    await expect(cabinet).toHaveURL(new RegExp(`^${server.url}/`));
    await cabinet.goto(`${server.url}/identity`);
    await expect(cabinet.getByText('Личность подтверждена.')).toBeVisible();
    await cabinet.close();
  } finally {
    await server.stop();
    await provider.stop();
  }
});
