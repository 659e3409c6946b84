import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { cardAtColleagueDesk, expect, linkIn, mailTo, smsCode, test } from './online-access';
import { verifyInPerson } from './verify-in-person';

// Two desks, a server, an SMTP server and an SMS gateway, and the whole path through both pages.
test.describe.configure({ timeout: 300_000 });
test.use({ actionTimeout: 30_000 });

const applicant = {
  surname: 'Онлайнова',
  name: 'Мария',
  patronymic: 'Сергеевна',
  snilsBody: '714352869',
  cardPhone: '+79031112233',
  email: 'maria.onlainova@example.ru',
  phone: '+79165554433',
};
const password = 'Ландыш-2026!';

async function axeClean(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

test('a patient registers, fails identity online, is verified at the desk, applies, is approved, activates and signs in (C1–C5, B6)', async ({
  page,
  context,
  server,
  colleagues,
  mail,
  sms,
}) => {
  const card = await cardAtColleagueDesk(server, colleagues[0]!, applicant);
  const fullName = `${card.surname} ${card.name} ${card.patronymic}`;
  const cabinet = await context.newPage();

  // 1. Registration: the same validators as the desk's, then the e-mail's link and the SMS code.
  await cabinet.goto(`${server.url}/register`);
  await cabinet.getByLabel('Фамилия').fill(card.surname);
  await cabinet.getByRole('textbox', { name: /^Имя/ }).fill(card.name);
  await cabinet.getByLabel('Отчество (если есть)').fill(card.patronymic);
  await cabinet.getByLabel('Дата рождения').fill(card.birthDate);
  await cabinet.getByRole('radio', { name: 'Женский' }).check();
  await cabinet.getByRole('textbox', { name: 'СНИЛС', exact: true }).fill(card.snils);
  await cabinet.getByLabel('Электронная почта').fill(applicant.email);
  await cabinet.getByLabel('Мобильный телефон').fill(applicant.phone);
  await cabinet.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await expect(cabinet.getByRole('heading', { name: 'Проверьте почту' })).toBeVisible();

  const welcome = await mailTo(mail, applicant.email, /./);
  await cabinet.goto(linkIn(welcome, server.url));
  await expect(cabinet.getByText('Почта подтверждена.')).toBeVisible();
  await cabinet.getByRole('link', { name: 'Дальше: подтвердить телефон' }).click();
  await cabinet.getByRole('button', { name: 'Прислать код' }).click();
  await cabinet.getByLabel('Код из SMS').fill(await smsCode(sms, applicant.phone));
  await cabinet.getByRole('button', { name: 'Подтвердить' }).click();
  await expect(cabinet.getByText('Телефон подтверждён.')).toBeVisible();
  await cabinet.getByRole('link', { name: 'Дальше: подтвердить личность' }).click();

  // 2. Identity online: the code goes to the phone on the clinic's card; three wrong codes lock it.
  await expect(cabinet.getByRole('heading', { name: 'Подтверждение личности' })).toBeVisible();
  await cabinet.getByRole('button', { name: 'SMS на телефон из карты' }).click();
  const right = await smsCode(sms, card.cardPhone);
  const wrong = right === '000000' ? '111111' : '000000';
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    await cabinet.getByLabel('Код', { exact: true }).fill(wrong);
    await cabinet.getByRole('button', { name: 'Подтвердить' }).click();
    if (attempt < 3) await expect(cabinet.getByText(`Осталось попыток: ${3 - attempt}`, { exact: true })).toBeVisible();
  }
  await expect(cabinet.getByText('Подтвердить личность онлайн больше нельзя')).toBeVisible();
  await axeClean(cabinet);

  // 3. At the desk: the patient comes with the originals; the clerk verifies them.
  await verifyInPerson(page, fullName);

  // 4. Back in the cabinet: identity confirmed; the application, signed with an SMS code.
  await expect(async () => {
    await cabinet.reload();
    await expect(cabinet.getByText('Личность подтверждена.')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 40_000 });
  await cabinet.getByRole('link', { name: 'Дальше: подать заявление' }).click();
  await cabinet.getByRole('checkbox', { name: 'Я прочитал(а) согласие и даю его' }).check();
  const signatureSms = (await sms.messages()).length;
  await cabinet.getByRole('button', { name: 'Прислать код подписи' }).click();
  await expect.poll(async () => (await sms.messages()).length).toBeGreaterThan(signatureSms);
  await cabinet.getByLabel('Код подписи').fill(await smsCode(sms, applicant.phone));
  await cabinet.getByRole('button', { name: 'Подать заявление' }).click();
  const submitted = cabinet.getByText(/Заявление подано\. Его номер: З-\d{2}-П-\d{6}/);
  await expect(submitted).toBeVisible();
  const number = /З-\d{2}-П-\d{6}/.exec((await submitted.textContent()) ?? '')![0];
  const receipt = await mailTo(mail, applicant.email, new RegExp(number));
  expect(receipt.text).toContain(number);
  await axeClean(cabinet);

  // 5. The clerk: the queue sorted by deadline, the checks of C3, the approval by e-mail.
  const rail = page.getByRole('navigation', { name: 'Разделы' });
  await rail.getByRole('link', { name: /Заявления/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Заявления на онлайн-доступ' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(number) });
  await expect(row).toBeVisible({ timeout: 40_000 });
  await page.screenshot({ path: 'test-results/screens/applications-queue-1366x768.png' });
  await row.click();
  await expect(page.getByRole('heading', { name: new RegExp(number) })).toBeVisible();
  await page.getByRole('button', { name: 'Начать рассмотрение' }).click();
  await expect(page.getByText('Личность подтверждена в регистратуре')).toBeVisible();
  await expect(page.getByText('Согласие действует')).toBeVisible();
  await expect(page.getByText('Полис подтверждён')).toBeVisible();
  await page.getByRole('radio', { name: 'По электронной почте' }).check();
  await page.getByRole('button', { name: 'Одобрить' }).click();
  await expect(page.getByText('Одобрено, код активации: По электронной почте', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/application-approved-1366x768.png', fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  // 6. The activation e-mail; the patient sets a password and signs in with a one-time code.
  const activation = await mailTo(mail, applicant.email, /актив|одобр/i);
  await cabinet.goto(linkIn(activation, server.url));
  await expect(cabinet.getByRole('heading', { name: 'Активация кабинета' })).toBeVisible();
  await cabinet.getByLabel('Новый пароль').fill(password);
  await cabinet.getByLabel('Пароль ещё раз').fill(password);
  await cabinet.getByRole('button', { name: 'Задать пароль' }).click();
  await expect(cabinet.getByText('Пароль задан. Теперь войдите в кабинет.')).toBeVisible();
  await cabinet.getByRole('link', { name: 'Войти' }).click();
  await cabinet.getByLabel('Электронная почта').fill(applicant.email);
  await cabinet.getByLabel('Пароль').fill(password);
  await cabinet.getByRole('button', { name: 'Продолжить' }).click();
  await cabinet.getByRole('radio', { name: 'SMS на телефон' }).check();
  const signInSms = (await sms.messages()).length;
  await cabinet.getByRole('button', { name: 'Прислать код' }).click();
  await expect.poll(async () => (await sms.messages()).length).toBeGreaterThan(signInSms);
  await cabinet.getByRole('textbox', { name: 'Одноразовый код' }).fill(await smsCode(sms, applicant.phone));
  await cabinet.getByRole('button', { name: 'Войти' }).click();
  await expect(cabinet.getByRole('heading', { name: `Здравствуйте, ${card.name}` })).toBeVisible();

  // 7. The application is closed, and its journal says so in plain words.
  await cabinet.goto(`${server.url}/application`);
  await expect(cabinet.getByText('Кабинет активирован').first()).toBeVisible();
  await expect(cabinet.getByText('Вы задали пароль — кабинет активирован')).toBeVisible();
  await axeClean(cabinet);
});
