import { afterEach, describe, expect, it } from 'vitest';
import { importPatients } from '../../../../electron/services/patients/import-patients';
import { draft } from '../../../support/fixtures';
import { enrolPatient, openTempDesk, type TempDesk } from '../../../support/temp-desk';

let desk: TempDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

const csv = (...lines: string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);

describe('the patient address at the desk (B1)', () => {
  it('is stored, synced and shown on the card; a bad one is refused with nothing saved', async () => {
    desk = await openTempDesk();
    const id = await enrolPatient(desk, { snils: null, address: ' г. Тверь,  ул. Советская, д. 5, кв. 12 ' });
    expect(await desk.dispatch('patients.get', { id })).toMatchObject({
      ok: true,
      data: { address: 'г. Тверь, ул. Советская, д. 5, кв. 12' },
    });
    const outbox = desk.store.transaction((tx) => tx.get<{ changed: string }>('SELECT changed FROM sync_outbox'));
    expect(JSON.parse(outbox?.changed ?? '{}')).toMatchObject({ address: 'г. Тверь, ул. Советская, д. 5, кв. 12' });

    const before = [desk.count('patients'), desk.count('audit_events'), desk.count('sync_outbox')];
    const refused = await desk.dispatch(
      'patients.create',
      draft({ snils: null, surname: 'Другая', address: 'ул. Ленина, кв. \u202e21' }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'patient.address.invisible', field: 'address' } });
    expect([desk.count('patients'), desk.count('audit_events'), desk.count('sync_outbox')]).toEqual(before);
  });

  it('comes from an optional `address` column of the import file, quoted when it holds `;`', async () => {
    desk = await openTempDesk();
    const report = importPatients(
      desk.ctx,
      csv(
        'surname;name;patronymic;birth_date;sex;snils;enp;inn;phone;email;address',
        'Иванова;Анна;;15.03.1980;ж;;;;;;"г. Москва; ул. Тверская, д. 1"',
        'Петров;Пётр;;16.04.1981;м;;;;;;',
        'Сидоров;Иван;;17.05.1982;м;;;;;;ул. <b>',
      ),
      'clinic.csv',
      {},
    );
    expect(report).toMatchObject({
      accepted: 2,
      refused: [
        { line: 4, issues: [{ code: 'patient.address.characters', field: 'address', params: { symbol: '<' } }] },
      ],
    });
    const addresses = desk.store.transaction((tx) =>
      tx.all<{ address: string | null }>('SELECT address FROM patients ORDER BY surname').map((row) => row.address),
    );
    expect(addresses).toEqual(['г. Москва; ул. Тверская, д. 1', null]);
  });
});
