import { afterEach, describe, expect, it } from 'vitest';
import { draft, validEnp, validInn, validSnils } from '../../../support/fixtures';
import { enrolPatient, openTempDesk, type TempDesk } from '../../../support/temp-desk';

let desk: TempDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

interface Candidate {
  id: string;
  score: number;
  hardStop: boolean;
  matches: { field: string; kind: string }[];
  patient: { surname: string };
}

async function candidates(d: TempDesk, input: Record<string, unknown>): Promise<Candidate[]> {
  const result = await d.dispatch('patients.duplicates', input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (result.data as { items: Candidate[] }).items;
}

describe('duplicate candidates while the clerk types (B2)', () => {
  it('finds a card born the same day with a typo in the surname and a transliterated first name', async () => {
    desk = await openTempDesk();
    const id = await enrolPatient(desk, {
      surname: 'Петрова',
      name: 'Анна',
      patronymic: 'Ивановна',
      birthDate: '1975-06-01',
      snils: null,
    });
    await enrolPatient(desk, {
      surname: 'Сидорова',
      name: 'Анна',
      patronymic: 'Ивановна',
      birthDate: '1975-06-01',
      snils: null,
    });
    await enrolPatient(desk, {
      surname: 'Петрова',
      name: 'Анна',
      patronymic: 'Ивановна',
      birthDate: '1975-06-02',
      snils: null,
    });
    const found = await candidates(desk, {
      surname: 'Петрлва',
      name: 'Anna',
      patronymic: 'И.',
      birthDate: '01.06.1975',
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id, hardStop: false, patient: { surname: 'Петрова' } });
    expect(found[0]!.matches.map((m) => `${m.field}:${m.kind}`)).toEqual([
      'birthDate:equal',
      'surname:typo',
      'name:transliterated',
      'patronymic:initial',
    ]);
  });

  it('answers a hard stop for the same SNILS, ЕНП or INN whatever the names, born any day', async () => {
    desk = await openTempDesk();
    const enp = validEnp();
    const inn = validInn();
    const id = await enrolPatient(desk, { enp, inn });
    for (const input of [
      { snils: validSnils().replace(/(\d{3})(\d{3})(\d{3})(\d{2})/, '$1-$2-$3 $4') },
      { enp },
      { inn },
    ]) {
      const found = await candidates(desk, { surname: 'Другая', birthDate: '2001-01-01', ...input });
      expect(found, JSON.stringify(input)).toMatchObject([{ id, hardStop: true, score: 1 }]);
    }
  });

  it('takes a half-typed draft: unfinished identifiers and dates are not an error, only unused', async () => {
    desk = await openTempDesk();
    await enrolPatient(desk, {});
    expect(await candidates(desk, {})).toEqual([]);
    expect(await candidates(desk, { surname: 'Сем', snils: '112-23', birthDate: '15.03.19' })).toEqual([]);
    expect(await candidates(desk, { surname: 'Семенова', name: 'Анна', birthDate: '1980-03-15' })).toHaveLength(1);
  });

  it('hides merged cards, and records the lookup as a read (F1)', async () => {
    desk = await openTempDesk();
    const survivor = await enrolPatient(desk, { snils: null });
    const merged = await enrolPatient(desk, { snils: null, surname: 'Семенова' });
    expect(
      await desk.dispatch('patients.merge', { survivorId: survivor, mergedId: merged, reason: 'дубль' }),
    ).toMatchObject({ ok: true });
    const found = await candidates(desk, { surname: 'Семёнова', name: 'Анна', birthDate: '1980-03-15' });
    expect(found.map((c) => c.id)).toEqual([survivor]);
    const event = desk.store.transaction((tx) =>
      tx.get<{ details: string }>(
        "SELECT details FROM audit_events WHERE action = 'patients.duplicates' ORDER BY seq DESC LIMIT 1",
      ),
    );
    expect(JSON.parse(event!.details)).toEqual({ shown: [survivor] });
  });

  it('is refused to an auditor, whose role does not read patients', async () => {
    desk = await openTempDesk({ role: 'auditor' });
    expect(await desk.dispatch('patients.duplicates', { surname: 'Сем' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('enrolment refuses a hard-stop duplicate (B2)', () => {
  it('names the field and the existing card, in both languages, enrols nothing and records the card as read', async () => {
    desk = await openTempDesk();
    const inn = validInn();
    const existing = await enrolPatient(desk, { inn });
    const before = [desk.count('patients'), desk.count('audit_events'), desk.count('sync_outbox')];
    const result = await desk.dispatch('patients.create', draft({ surname: 'Иванова', snils: null, inn }));
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'patient.inn.duplicate',
        field: 'inn',
        message: {
          ru: 'Пациент с таким ИНН уже есть в картотеке: Семёнова Анна Петровна, 15.03.1980',
          en: 'A patient with this INN is already registered: Семёнова Анна Петровна, 15.03.1980',
        },
      },
    });
    expect([desk.count('patients'), desk.count('sync_outbox')]).toEqual([before[0], before[2]]);
    // Naming the card shows who it is: recorded as a read of that card (F1).
    const shown = desk.store.transaction((tx) =>
      tx.all<{ patient_id: string; details: string }>(
        "SELECT patient_id, details FROM audit_events WHERE action = 'patients.duplicate_shown'",
      ),
    );
    expect(shown).toEqual([{ patient_id: existing, details: JSON.stringify({ field: 'inn' }) }]);
  });

  it('lets the identifier of a merged card be enrolled again only through its survivor', async () => {
    desk = await openTempDesk();
    const survivor = await enrolPatient(desk, { snils: null });
    const merged = await enrolPatient(desk, { surname: 'Семенова' });
    expect(
      await desk.dispatch('patients.merge', { survivorId: survivor, mergedId: merged, reason: 'дубль' }),
    ).toMatchObject({ ok: true });
    const again = await desk.dispatch('patients.create', draft({ surname: 'Новая' }));
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'patient.snils.duplicate', message: { en: expect.stringContaining('Семёнова Анна') } },
    });
  });
});
