import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { calendarXml } from '../../shared/domain/calendar-fixtures';
import { icd10Csv, insurersCsv } from '../services/dictionaries/dictionary-fixtures';
import { useMedcardCli } from '../../support/medcard-cli';

const key = randomBytes(32).toString('hex');
const cli = useMedcardCli('medcard-cli-dict-', { env: { MEDCARD_DB_KEY: key } });
const db = () => join(cli.dir, 'desk.db');
const medcard = (args: string[]) => cli.run([...args, '--db', db()]);
const write = cli.write;

// One database for the file: each test builds on the imports before it, as an operator would.
beforeAll(() => {
  expect(medcard(['init']).code).toBe(0);
});

// Each test starts the CLI several times (tsx compiles on each start): generous on a busy machine.
describe('medcard import dictionary', { timeout: 120_000 }, () => {
  it('imports МКБ-10, prints progress and a summary with every refused line, its code and the time', () => {
    const result = medcard(['import', 'dictionary', 'icd10', write('1.2.643.5.1.13.13.11.1005_2.27.csv', icd10Csv())]);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain('rows: 8 / 8');
    expect(result.out).toContain('Dictionary icd10, version 2.27, from 1.2.643.5.1.13.13.11.1005_2.27.csv');
    expect(result.out).toContain('rows accepted: 8');
    expect(result.out).toContain('rows refused: 5');
    expect(result.out).toContain(
      'line 10: dictionary.row.value — Invalid value in column MKB_CODE / Недопустимое значение в поле MKB_CODE',
    );
    expect(result.out).toContain('line 14: dictionary.row.parent');
    expect(result.out).toMatch(/time: \d+\.\d s/);
  });

  it('says nothing changed when the same file comes again, and refuses an older version with exit 1', () => {
    const again = medcard(['import', 'dictionary', 'icd10', join(cli.dir, '1.2.643.5.1.13.13.11.1005_2.27.csv')]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('nothing changed');
    const older = medcard(['import', 'dictionary', 'icd10', write('mkb.csv', icd10Csv()), '--version', '2.26']);
    expect(older.code).toBe(1);
    expect(older.err).toContain('dictionary.version.older');
    expect(older.err).toContain('older than the active 2.27');
  });

  it('imports the insurers with --version and a calendar year by its own date; verify still passes', () => {
    const insurers = write('insurers.csv', insurersCsv());
    const missing = medcard(['import', 'dictionary', 'insurers', insurers]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('--version');
    const imported = medcard(['import', 'dictionary', 'insurers', insurers, '--version', '2026-11-01']);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain('rows accepted: 2');
    const calendar = medcard([
      'import',
      'dictionary',
      'calendar-ru',
      write('2027.xml', calendarXml(2027, ['<day d="01.01" t="1" h="1"/>'])),
    ]);
    expect(calendar.code, calendar.err).toBe(0);
    expect(calendar.out).toContain('Dictionary calendar-ru/2027, version 2026-09-30');
    const verified = medcard(['verify']);
    expect(verified.code, verified.out).toBe(0);
    expect(verified.out).toContain('Audit chain: ok, 3 events');
  });

  it('explains a malformed command, an unknown dictionary and a malformed calendar', () => {
    expect(medcard(['import', 'dictionary', 'icd10']).code).toBe(2);
    expect(medcard(['import', 'people', 'x.csv']).err).toContain('usage: medcard import dictionary');
    const unknown = medcard(['import', 'dictionary', 'icd11', write('x.csv', 'a')]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('icd10, insurers, calendar-ru');
    const broken = medcard([
      'import',
      'dictionary',
      'calendar-ru',
      write('2028.xml', calendarXml(2028, ['<day d="13.01" t="1"/>'])),
    ]);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('строка 7');
    expect(broken.err).toContain('d="13.01"');
  });
});
