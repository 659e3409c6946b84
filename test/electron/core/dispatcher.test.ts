import { afterEach, describe, expect, it } from 'vitest';
import { draft, validEnp, validSnils, wrongSnils } from '../../support/fixtures';
import { openTempDesk, type TempDesk } from '../../support/temp-desk';

let desk: TempDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

function snapshot(d: TempDesk) {
  return { patients: d.count('patients'), audit: d.count('audit_events'), outbox: d.count('sync_outbox') };
}

describe('the dispatcher: one entry for every call', () => {
  it('refuses an unknown call by name, before any service runs', async () => {
    desk = await openTempDesk();
    const before = snapshot(desk);
    const result = await desk.dispatch('patients.drop', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'api.unknown_call' } });
    expect(snapshot(desk)).toEqual(before);
  });

  it('refuses a role without the permission with code forbidden and writes nothing', async () => {
    desk = await openTempDesk({ role: 'auditor' });
    const before = snapshot(desk);
    expect(await desk.dispatch('patients.create', draft())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await desk.dispatch('patients.search', { query: 'Сем' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(snapshot(desk)).toEqual(before);
  });

  it('reports every bad field at once, each with its code and both languages, and writes nothing', async () => {
    desk = await openTempDesk();
    const before = snapshot(desk);
    const result = await desk.dispatch('patients.create', {
      ...draft(),
      surname: '',
      name: 'Анна7',
      snils: wrongSnils(),
      phone: '+1 212 555 0100',
      birthDate: '1980-02-30',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries((result.error.issues ?? []).map((issue) => [issue.field, issue.code]));
    expect(byField).toEqual({
      surname: 'input.required',
      name: 'patient.name.alphabet',
      snils: 'patient.snils.checksum',
      phone: 'patient.phone.format',
      birthDate: 'patient.birth_date.invalid',
    });
    const snils = result.error.issues?.find((issue) => issue.field === 'snils');
    expect(snils?.message).toEqual({
      ru: 'Контрольное число СНИЛС не сходится',
      en: 'SNILS check digits do not match',
    });
    expect(snapshot(desk)).toEqual(before);
  });

  it('refuses hostile and malformed payloads without running the service', async () => {
    desk = await openTempDesk();
    const before = snapshot(desk);
    const cases: [unknown, string][] = [
      [null, 'input.required'],
      ['patients', 'input.type'],
      [{ ...draft(), surname: 'Щ'.repeat(100_000) }, 'input.too_long'],
      [{ ...draft(), sex: 'unknown' }, 'input.enum'],
      [{ ...draft(), isAdmin: true }, 'input.unknown_field'],
      [{ ...draft(), surname: 'Иванов\u0000' }, 'input.control_chars'],
      [{ ...draft(), surname: ['Иванов'] }, 'input.type'],
      [{ ...draft(), birthDate: '2100-01-01' }, 'patient.birth_date.future'],
      [{ ...draft(), birthDate: '1899-12-31' }, 'patient.birth_date.too_old'],
      [{ ...draft(), email: 'not-an-email' }, 'patient.email.format'],
      [{ ...draft(), surname: 'Smith' }, 'patient.name.alphabet'],
    ];
    for (const [input, code] of cases) {
      const result = await desk.dispatch('patients.create', input);
      expect(result, JSON.stringify(input).slice(0, 80)).toMatchObject({ ok: false, error: { code } });
    }
    expect(snapshot(desk)).toEqual(before);
  });

  it('accepts Latin names for a foreign citizen', async () => {
    desk = await openTempDesk();
    const result = await desk.dispatch(
      'patients.create',
      draft({ surname: "O'Brien", name: 'Mary-Jane', patronymic: '', foreign: true }),
    );
    expect(result).toMatchObject({ ok: true, data: { surname: "O'Brien", patronymic: null, foreign: true } });
  });

  it('refuses a second patient with the same SNILS or ЕНП as a duplicate, naming the field', async () => {
    desk = await openTempDesk();
    const enp = validEnp();
    expect((await desk.dispatch('patients.create', draft({ enp }))).ok).toBe(true);
    const before = snapshot(desk);
    const sameSnils = await desk.dispatch(
      'patients.create',
      draft({ surname: 'Другая', snils: validSnils().replace(/(\d{3})(\d{3})(\d{3})(\d{2})/, '$1-$2-$3 $4') }),
    );
    expect(sameSnils).toMatchObject({ ok: false, error: { code: 'patient.snils.duplicate', field: 'snils' } });
    const sameEnp = await desk.dispatch('patients.create', draft({ snils: validSnils('223344556'), enp }));
    expect(sameEnp).toMatchObject({ ok: false, error: { code: 'patient.enp.duplicate', field: 'enp' } });
    // Nothing enrolled or sent; the existing card each refusal named is recorded as read (F1).
    expect(snapshot(desk)).toEqual({ ...before, audit: before.audit + 2 });
  });

  it('writes the patient, its audit event and its outbox entry together (rule 4)', async () => {
    desk = await openTempDesk();
    const result = await desk.dispatch('patients.create', draft());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const data = result.data as { id: string; snils: string; phone: string; version: number };
    expect(data).toMatchObject({ snils: validSnils(), phone: '+79161234567', version: 0 });
    expect(data.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    const audit = desk.store.transaction((tx) =>
      tx.all<{ action: string; patient_id: string }>('SELECT action, patient_id FROM audit_events'),
    );
    expect(audit).toEqual([{ action: 'patients.create', patient_id: data.id }]);
    const outbox = desk.store.transaction((tx) =>
      tx.all<{ table_name: string; row_id: string; changed: string }>(
        'SELECT table_name, row_id, changed FROM sync_outbox',
      ),
    );
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ table_name: 'patients', row_id: data.id });
    expect(JSON.parse(outbox[0]!.changed)).toMatchObject({ surname: 'Семёнова', snils: validSnils() });
  });

  it('answers an internal failure with an incident id and no internals', async () => {
    desk = await openTempDesk();
    await desk.store.close();
    const result = await desk.dispatch('patients.search', { query: 'Сем' });
    expect(result).toMatchObject({ ok: false, error: { code: 'api.internal' } });
    if (result.ok) return;
    expect(result.error.incident).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(result.error)).not.toMatch(/database|sqlite|closed/i);
  });
});
