import type { APIRequestContext } from '@playwright/test';
import type { BrowserHost } from '../../electron/browser-host/server';
import { parseRussianDate } from '../../shared/domain/calendar-date';
import { formatSnils } from '../../shared/domain/identifiers/snils';
import type { PatientDraftInput } from '../../shared/domain/patient';
import { generatedSnils, type TestPatient } from './patients';
import { tabCookie } from './tab-cookie';

/** Namesakes for screens with many matches, each with a SNILS made by the algorithm. */
export function namesakes(): PatientDraftInput[] {
  return [
    {
      surname: 'Семёнова',
      name: 'Анна',
      patronymic: 'Петровна',
      birthDate: '1987-03-14',
      sex: 'female',
      phone: '+7 916 204-18-33',
    },
    {
      surname: 'Семёнов',
      name: 'Игорь',
      patronymic: 'Васильевич',
      birthDate: '1962-11-02',
      sex: 'male',
      phone: '8 (495) 310-44-12',
    },
    {
      surname: 'Семенихина',
      name: 'Ольга',
      patronymic: 'Сергеевна',
      birthDate: '1999-07-21',
      sex: 'female',
      phone: null,
    },
    {
      surname: 'Семаков',
      name: 'Дмитрий',
      patronymic: 'Андреевич',
      birthDate: '2014-01-30',
      sex: 'male',
      phone: '+79031112233',
    },
    { surname: 'Семёнова', name: 'Мария', patronymic: null, birthDate: '1945-05-09', sex: 'female', phone: null },
    {
      surname: 'Семендяев',
      name: 'Пётр',
      patronymic: 'Ильич',
      birthDate: '1978-09-17',
      sex: 'male',
      phone: '+7 (926) 555-01-90',
    },
  ].map((draft) => ({ ...draft, sex: draft.sex as PatientDraftInput['sex'], snils: formatSnils(generatedSnils()) }));
}

/** The form's test patient as the API takes it. */
export function asDraft(patient: TestPatient): PatientDraftInput {
  return {
    surname: patient.surname,
    name: patient.name,
    patronymic: patient.patronymic,
    birthDate: parseRussianDate(patient.birthDate) ?? patient.birthDate,
    sex: patient.sex === 'Женский' ? 'female' : 'male',
    snils: patient.snils,
    phone: patient.phone,
  };
}

/**
 * Enrols patients through the real host's API, the way the page calls it (same origin, the
 * tab's cookie), so they are validated and audited like any other.
 */
export async function seedPatients(
  request: APIRequestContext,
  desk: BrowserHost,
  drafts: readonly PatientDraftInput[] = namesakes(),
): Promise<void> {
  for (const draft of drafts) {
    const response = await request.post(`${desk.origin}/api/call/patients.create`, {
      headers: { Cookie: await tabCookie(desk), Origin: desk.origin, 'Content-Type': 'application/json' },
      data: draft,
    });
    const envelope = (await response.json()) as { ok: boolean };
    if (!envelope.ok) throw new Error(`Seeding ${draft.surname} failed: ${JSON.stringify(envelope)}`);
  }
}
