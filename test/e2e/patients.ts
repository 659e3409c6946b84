import { expect, type Page } from '@playwright/test';
import { formatSnils } from '../../shared/domain/identifiers/snils';
import { validSnils, wrongSnils } from '../support/fixtures';

export interface TestPatient {
  surname: string;
  name: string;
  patronymic: string;
  /** As typed into the form: `ДД.ММ.ГГГГ`. */
  birthDate: string;
  sex: 'Мужской' | 'Женский';
  /** 11 digits, valid by the algorithm unless a test breaks it on purpose. */
  snils: string;
  /** 10 national digits. */
  phone: string;
}

function randomDigits(count: number): string {
  return Array.from({ length: count }, () => Math.floor(Math.random() * 10)).join('');
}

/** A SNILS body above 001-001-998, where the check digits apply. */
function snilsBody(): string {
  return `${1 + Math.floor(Math.random() * 8)}${randomDigits(8)}`;
}

export function generatedSnils(): string {
  return validSnils(snilsBody());
}

export function generatedWrongSnils(): string {
  return wrongSnils(snilsBody());
}

export function testPatient(overrides: Partial<TestPatient> = {}): TestPatient {
  return {
    surname: 'Семёнова',
    name: 'Анна',
    patronymic: 'Петровна',
    birthDate: '14.03.1987',
    sex: 'Женский',
    snils: generatedSnils(),
    phone: `9${randomDigits(9)}`,
    ...overrides,
  };
}

export function fullName(patient: TestPatient): string {
  return `${patient.surname} ${patient.name} ${patient.patronymic}`;
}

export function displayedSnils(patient: TestPatient): string {
  return formatSnils(patient.snils);
}

export async function openNewPatientForm(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Пациенты' }).click();
  await page.getByRole('link', { name: 'Новый пациент' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Новый пациент' })).toBeVisible();
}

/** A text box of a form by its label, exactly (required labels carry a hidden asterisk). */
export function textbox(page: Page, label: string) {
  return page.getByRole('textbox', { name: label, exact: true });
}

/** Fills the wizard's first step (the person) through its labels, as a clerk would. */
export async function fillPersonStep(page: Page, patient: TestPatient): Promise<void> {
  await textbox(page, 'Фамилия').fill(patient.surname);
  await textbox(page, 'Имя').fill(patient.name);
  await textbox(page, 'Отчество').fill(patient.patronymic);
  await textbox(page, 'Дата рождения').pressSequentially(patient.birthDate.replaceAll('.', ''));
  await page.getByRole('radio', { name: patient.sex }).check();
}

/**
 * Fills the enrolment wizard through its labels (masks format what is typed): the person, then
 * «Далее» and the identifiers and contacts. Stays on that step, so a test can look at its fields.
 */
export async function fillPatientForm(page: Page, patient: TestPatient): Promise<void> {
  await fillPersonStep(page, patient);
  await page.getByRole('button', { name: 'Далее' }).click();
  await textbox(page, 'СНИЛС').pressSequentially(patient.snils);
  await textbox(page, 'Телефон').pressSequentially(patient.phone);
}

/** Creates the patient through the wizard (to the review step, then «Сохранить») and waits for their card. */
export async function createPatient(page: Page, patient: TestPatient): Promise<void> {
  await openNewPatientForm(page);
  await fillPatientForm(page, patient);
  await page.getByRole('button', { name: 'Далее' }).click();
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('heading', { level: 1, name: fullName(patient) })).toBeVisible();
}

export function searchBox(page: Page) {
  return page.getByRole('combobox', { name: /^(Поиск пациента|Find a patient)$/ });
}
