import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDeskStaff } from '../../support/desk-staff';
import { validSnils } from '../../support/fixtures';
import { useMedcardCli } from '../../support/medcard-cli';

const key = randomBytes(32).toString('hex');
const cli = useMedcardCli('medcard-cli-patients-', { env: { MEDCARD_DB_KEY: key } });
const db = () => join(cli.dir, 'desk.db');
const medcard = (args: string[]) => cli.run([...args, '--db', db()]);
const write = cli.write;

const list = [
  'surname;name;patronymic;birth_date;sex;snils;enp;inn;phone;email',
  `Семёнова;Анна;Петровна;15.03.1980;ж;${validSnils()};;;+7 916 123-45-67;`,
  `Петров;Пётр;;01.02.1975;м;${validSnils().slice(0, 10)}0;;;;`,
  'Кузнецова;Мария;Ивановна;30.02.1990;ж;;;;;',
  'Орлов;Олег;Олегович;12.12.1960;м;;;;;orlov@example.org',
].join('\n');

beforeAll(async () => {
  expect(medcard(['init']).code).toBe(0);
  await addDeskStaff(db(), key, ['clerk', 'doctor']);
});

describe('medcard import patients', { timeout: 120_000 }, () => {
  it('prints progress and a report: counts, then each refused line with its column, code and both texts', () => {
    const result = medcard(['import', 'patients', write('clinic.csv', list), '--as', 'clerk.one']);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain('rows: 4 / 4');
    expect(result.out).toContain('accepted: 2');
    expect(result.out).toContain('refused: 2');
    expect(result.out).toContain(
      'line 3: snils: patient.snils.checksum — Контрольное число СНИЛС не сходится / SNILS check digits do not match',
    );
    expect(result.out).toContain(
      'line 4: birth_date: patient.birth_date.invalid — Такой даты нет в календаре / No such calendar date',
    );
  });

  it('a re-run skips what is in, and writes the report to --report FILE', () => {
    const reportPath = join(cli.dir, 'report.txt');
    const result = medcard([
      'import',
      'patients',
      join(cli.dir, 'clinic.csv'),
      '--as',
      'clerk.one',
      '--report',
      reportPath,
    ]);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('0 accepted, 2 already imported, 2 refused');
    expect(readFileSync(reportPath, 'utf8')).toContain('already imported (skipped): 2');
  });

  it('refuses a file in another encoding with a clear error and exit 1, importing nothing', () => {
    const cp1251 = Buffer.from([
      ...Buffer.from('surname;name;patronymic;birth_date;sex;snils;enp;inn;phone;email\n'),
      0xc8,
      0xe2,
      0xe0,
      0xed,
      0xee,
      0xe2,
      0xe0,
      0x3b,
      0x0a,
    ]);
    const result = medcard(['import', 'patients', write('cp1251.csv', cp1251), '--as', 'clerk.one']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('patient_import.file.encoding');
    expect(result.err).toContain('The file is not UTF-8');
    const again = medcard(['import', 'patients', join(cli.dir, 'clinic.csv'), '--as', 'clerk.one']);
    expect(again.out).toContain('already imported (skipped): 2');
  });

  it('writes the patients as the staff member --as names, whom the server knows; without --as, or as someone who may not, imports nothing', () => {
    const path = write(
      'more.csv',
      [
        'surname;name;patronymic;birth_date;sex;snils;enp;inn;phone;email',
        'Зайцева;Зоя;Ильинична;03.04.1991;ж;;;;;',
        'Жуков;Жан;;05.06.1972;м;;;;;',
      ].join('\n'),
    );
    const without = medcard(['import', 'patients', path]);
    expect(without.code).toBe(1);
    expect(without.err).toContain('cli.as.required');
    expect(without.err).toContain('Give --as LOGIN');
    for (const [login, code] of [
      ['nobody.here', 'cli.as.unknown'],
      ['doctor.one', 'cli.as.forbidden'],
    ] as const) {
      const refused = medcard(['import', 'patients', path, '--as', login]);
      expect(refused.code, login).toBe(1);
      expect(refused.err, login).toContain(code);
    }
    const imported = medcard(['import', 'patients', path, '--as', 'CLERK.ONE']);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain('accepted: 2');
  });
});
