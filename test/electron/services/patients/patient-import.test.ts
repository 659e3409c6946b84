import { afterEach, describe, expect, it } from 'vitest';
import { syntheticPatients } from '../../../../electron/demo/synthetic-patients';
import { importPatients, type PatientImportReport } from '../../../../electron/services/patients/import-patients';
import { formatRussianDate } from '../../../../shared/domain/calendar-date';
import type { PatientDraftInput } from '../../../../shared/domain/patient';
import { AppError } from '../../../../shared/errors/app-error';
import { draft, validEnp, validInn, validSnils } from '../../../support/fixtures';
import { openTempDesk, type TempDesk } from '../../../support/temp-desk';

let desk: TempDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

const header = 'surname;name;patronymic;birth_date;sex;snils;enp;inn;phone;email';

/** A CSV line as another system would export it: ДД.ММ.ГГГГ dates, м/ж. */
function line(p: Partial<PatientDraftInput>): string {
  const d = { ...draft(), ...p };
  return [
    d.surname,
    d.name,
    d.patronymic ?? '',
    /^\d{4}-/.test(d.birthDate) ? formatRussianDate(d.birthDate) : d.birthDate,
    d.sex === 'male' ? 'м' : 'ж',
    d.snils ?? '',
    d.enp ?? '',
    d.inn ?? '',
    d.phone ?? '',
    d.email ?? '',
  ].join(';');
}
const csv = (...lines: string[]) => new TextEncoder().encode(`\ufeff${[header, ...lines].join('\r\n')}\r\n`);
const tables = (d: TempDesk) => [d.count('patients'), d.count('audit_events'), d.count('sync_outbox')];

function run(d: TempDesk, bytes: Uint8Array, options: Parameters<typeof importPatients>[3] = {}): PatientImportReport {
  return importPatients(d.ctx, bytes, 'clinic.csv', options);
}

function refusal(report: PatientImportReport, lineNo: number) {
  return report.refused.find((row) => row.line === lineNo)?.issues;
}

describe('medcard import patients: the rows (B2)', () => {
  it('enrols good rows through the door, each with its audit event and outbox entry, findable by search', async () => {
    desk = await openTempDesk();
    const report = run(
      desk,
      csv(
        line({}),
        line({
          surname: 'Ёлкина',
          name: 'Ольга',
          patronymic: '',
          snils: validSnils('223344556'),
          email: 'olga@example.org',
        }),
        '',
        line({ surname: 'Петров', name: 'Пётр', patronymic: 'Петрович', sex: 'male', snils: null, phone: '' }),
      ),
    );
    expect(report).toMatchObject({ rows: 3, accepted: 3, skipped: 0, refused: [], possibleDuplicates: [] });
    expect(desk.count('patients')).toBe(3);
    expect(desk.count('sync_outbox')).toBe(3);
    const actions = desk.store.transaction((tx) =>
      tx.all<{ action: string }>('SELECT action FROM audit_events ORDER BY seq').map((row) => row.action),
    );
    expect(actions).toEqual(['patients.create', 'patients.create', 'patients.create', 'patients.imported']);
    const found = await desk.dispatch('patients.search', { query: 'Елкина' });
    expect(found).toMatchObject({
      ok: true,
      data: { items: [{ surname: 'Ёлкина', patronymic: null, birthDate: '1980-03-15' }] },
    });
  });

  it('refuses each kind of bad row with its line, column and code in both languages, and enrols the rest', async () => {
    desk = await openTempDesk();
    const report = run(
      desk,
      csv(
        line({ snils: validSnils().slice(0, 10) + '0' }), // 2: checksum
        line({ birthDate: '1980-02-30', snils: null }), // 3: no such date
        line({ birthDate: '15/03/1980', snils: null }), // 4: format
        line({ birthDate: '2099-01-01', snils: null }), // 5: future
        line({ surname: '', snils: null }), // 6: required
        line({ surname: 'Smith', snils: null }), // 7: alphabet
        line({ sex: 'x' as 'male', snils: null }).replace(';ж;', ';x;'), // 8: sex
        `${line({ snils: null })};лишнее`, // 9: columns
        'Иванова;"Анна;Петровна;15.03.1980;ж;;;;;', // 10: quote
        line({ surname: 'Годная', snils: null }), // 11: good
      ),
    );
    expect(report.accepted).toBe(1);
    expect(report.refused.map((row) => row.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(refusal(report, 2)).toMatchObject([{ code: 'patient.snils.checksum', field: 'snils' }]);
    expect(refusal(report, 3)).toMatchObject([{ code: 'patient.birth_date.invalid', field: 'birth_date' }]);
    expect(refusal(report, 4)).toMatchObject([{ code: 'patient.birth_date.format', field: 'birth_date' }]);
    expect(refusal(report, 5)).toMatchObject([{ code: 'patient.birth_date.future', field: 'birth_date' }]);
    expect(refusal(report, 6)?.[0]).toMatchObject({ code: 'input.required', field: 'surname' });
    expect(refusal(report, 7)).toMatchObject([{ code: 'patient.name.alphabet', field: 'surname' }]);
    expect(refusal(report, 8)?.[0]).toMatchObject({ code: 'input.enum', field: 'sex' });
    expect(refusal(report, 9)).toEqual([
      { code: 'patient_import.row.columns', field: 'line', params: { expected: 10, actual: 11 } },
    ]);
    expect(refusal(report, 10)).toEqual([{ code: 'patient_import.row.quote', field: 'line' }]);
  });

  it('refuses a row sharing an identifier with a card in the store or an earlier row, naming the card; imports and lists a possible duplicate', async () => {
    desk = await openTempDesk();
    const enp = validEnp();
    expect(await desk.dispatch('patients.create', draft({ enp }))).toMatchObject({ ok: true });
    const inn = validInn();
    const report = run(
      desk,
      csv(
        line({ surname: 'Другая', snils: null, enp }), // 2: ЕНП of the stored card
        line({ surname: 'Инновa'.replace('a', 'а'), snils: validSnils('223344556'), inn }), // 3: new
        line({ surname: 'Инновская', snils: validSnils('323344556'), inn }), // 4: INN of line 3
        line({ surname: 'Семенова', patronymic: '', snils: null }), // 5: like the stored card, no identifier
        line({ surname: 'Инновa'.replace('a', 'а'), snils: validSnils('223344556'), inn }), // 6: line 3 again
      ),
    );
    expect(
      report.refused.map((row) => row.line),
      JSON.stringify(report.refused),
    ).toEqual([2, 4, 6]);
    expect(report).toMatchObject({ accepted: 2 });
    expect(refusal(report, 2)).toEqual([
      {
        code: 'patient.enp.duplicate',
        field: 'enp',
        params: { patient: 'Семёнова Анна Петровна, 15.03.1980', patientId: expect.any(String) },
      },
    ]);
    expect(refusal(report, 4)).toMatchObject([
      { code: 'patient.inn.duplicate', field: 'inn', params: { patient: 'Иннова Анна Петровна, 15.03.1980' } },
    ]);
    expect(refusal(report, 6)).toEqual([{ code: 'patient_import.row.repeated', field: 'line', params: { line: 3 } }]);
    expect(report.possibleDuplicates).toMatchObject([{ line: 5, candidates: [{ score: expect.any(Number) }] }]);
  });

  it('resumes: a run stopped after its first batch is completed by the next run, which skips what is in', async () => {
    desk = await openTempDesk();
    const rows = [...syntheticPatients({ seed: 7, count: 2500, today: '2026-11-25' })].map((p) =>
      line({ ...p, phone: p.phone ?? '', email: '' }),
    );
    const bytes = csv(...rows);
    const crash = new Error('power cut');
    expect(() =>
      run(desk!, bytes, {
        onProgress: () => {
          throw crash;
        },
      }),
    ).toThrow(crash);
    expect(desk.count('patients')).toBe(1000);
    const progress: number[] = [];
    const second = run(desk, bytes, { onProgress: ({ done }) => progress.push(done) });
    expect(second).toMatchObject({ rows: 2500, skipped: 1000, accepted: 1500, refused: [] });
    expect(progress).toEqual([1000, 2000, 2500]);
    expect(desk.count('patients')).toBe(2500);
    expect(run(desk, bytes)).toMatchObject({ skipped: 2500, accepted: 0, refused: [] });
  });
});

describe('medcard import patients: hostile files import nothing', () => {
  const refusedWhole = async (bytes: Uint8Array, code: string, options: Parameters<typeof importPatients>[3] = {}) => {
    desk = await openTempDesk();
    const before = tables(desk);
    let error: unknown;
    try {
      run(desk, bytes, options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    expect(tables(desk)).toEqual(before);
    await desk.cleanup();
    desk = undefined;
    return error as AppError;
  };

  it('a huge field, a wrong encoding, a wrong separator, a missing column, a file too large, an empty file', async () => {
    const huge = await refusedWhole(
      csv(line({}), line({ surname: 'Щ'.repeat(1_000_000) })),
      'patient_import.file.line_too_long',
    );
    expect(huge.message).toContain('Line 3 is longer than 4096 characters');
    // The same list saved in Windows-1251: Cyrillic letters are single bytes that are not UTF-8.
    const cp1251 = Uint8Array.from(
      [...`${header}\n`]
        .map((c) => c.charCodeAt(0))
        .concat([0xd1, 0xe5, 0xec, 0xb8, 0xed, 0xee, 0xe2, 0xe0, 0x3b, 0x0a]),
    );
    await refusedWhole(cp1251, 'patient_import.file.encoding');
    const commas = await refusedWhole(
      new TextEncoder().encode(`${header.replaceAll(';', ',')}\n${line({}).replaceAll(';', ',')}\n`),
      'patient_import.file.separator',
    );
    expect(commas.message).toContain('found “,”');
    const missing = await refusedWhole(
      new TextEncoder().encode('surname;name;birth_date\nИванова;Анна;15.03.1980\n'),
      'patient_import.file.header',
    );
    expect(missing.message).toContain('lacks the columns patronymic;sex;snils;enp;inn;phone;email');
    await refusedWhole(csv(line({})), 'patient_import.file.too_large', { maxBytes: 100 });
    await refusedWhole(csv(), 'patient_import.file.no_rows');
  });
});
