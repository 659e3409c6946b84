import { parseRussianDate } from '../../../shared/domain/calendar-date';
import type { PatientDraftInput } from '../../../shared/domain/patient';
import { AppError, type FieldIssue } from '../../../shared/errors/app-error';
import { headerIndex, semicolonRecords } from '../dictionaries/semicolon-csv';

/**
 * The CSV a clinic brings from its previous system (B2: `medcard import patients`): UTF-8 (a BOM
 * is fine), `;`-separated, fields may be quoted, one patient per line, a header line naming the
 * columns in any order:
 *
 *   surname;name;patronymic;birth_date;sex;snils;enp;inn;phone;email[;foreign][;address]
 *
 * `birth_date` is ДД.ММ.ГГГГ; `sex` м/ж (also муж/жен, male/female, m/f); `foreign` 1/да/yes for
 * a foreign citizen (Latin names allowed), empty otherwise; `address` one line (quote it when it
 * holds `;`). Empty cells are "not given". Every
 * value is then checked by the enrolment form's own schema.
 */
export const patientCsvColumns = [
  'surname',
  'name',
  'patronymic',
  'birth_date',
  'sex',
  'snils',
  'enp',
  'inn',
  'phone',
  'email',
] as const;
type OptionalColumn = 'foreign' | 'address';
type Column = (typeof patientCsvColumns)[number] | OptionalColumn;

/** No patient row comes near this: a longer line is not a patient list (or is an attack). */
export const maxLineLength = 4096;

export type CsvPatientRow = { line: number; input: PatientDraftInput } | { line: number; issues: FieldIssue[] };

/** The form's field names → the file's column names, so that errors name the file's column. */
export const columnOfField: Record<string, string> = { birthDate: 'birth_date' };

const sexes: Record<string, 'male' | 'female'> = {
  м: 'male',
  муж: 'male',
  мужской: 'male',
  male: 'male',
  m: 'male',
  ж: 'female',
  жен: 'female',
  женский: 'female',
  female: 'female',
  f: 'female',
};
const yes = new Set(['1', 'да', 'yes', 'true', 'д', 'y']);

/**
 * Decodes and checks the file as a whole before any row is looked at: encoding, header,
 * separator, line length. A file that fails here imports nothing.
 */
export function readPatientCsv(bytes: Uint8Array): { rows: CsvPatientRow[] } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('patient_import.file.encoding');
  }
  const lines = text.split('\n');
  const long = lines.findIndex((line) => line.length > maxLineLength);
  if (long >= 0)
    throw new AppError('patient_import.file.line_too_long', { params: { line: long + 1, max: maxLineLength } });

  const records = semicolonRecords(text);
  const first = records.next();
  if (first.done) throw new AppError('patient_import.file.no_rows');
  const headerFields = 'fields' in first.value ? first.value.fields.map((name) => name.trim().toLowerCase()) : [];
  const header = headerIndex(
    headerFields,
    patientCsvColumns.map((column) => column.toUpperCase()),
  );
  if (!header) {
    const raw = lines[first.value.line - 1] ?? '';
    const separator = [',', '\t', '|'].find((candidate) => headerFields.length === 1 && raw.includes(candidate));
    if (separator)
      throw new AppError('patient_import.file.separator', {
        params: { separator: separator === '\t' ? 'TAB' : separator },
      });
    const missing = patientCsvColumns.filter((column) => !headerFields.includes(column));
    throw new AppError('patient_import.file.header', {
      params: { missing: missing.join(';'), expected: patientCsvColumns.join(';') },
    });
  }
  const width = headerFields.length;
  const cell = (fields: string[], column: string) => (fields[header.get(column.toUpperCase()) ?? -1] ?? '').trim();

  const rows: CsvPatientRow[] = [];
  for (const record of records) {
    if ('refused' in record) {
      rows.push({ line: record.line, issues: [{ code: 'patient_import.row.quote', field: 'line' }] });
    } else if (record.fields.length !== width) {
      rows.push({
        line: record.line,
        issues: [
          {
            code: 'patient_import.row.columns',
            field: 'line',
            params: { expected: width, actual: record.fields.length },
          },
        ],
      });
    } else {
      rows.push({
        line: record.line,
        input: toDraftInput((column) => cell(record.fields, column), header.has('FOREIGN')),
      });
    }
  }
  if (rows.length === 0) throw new AppError('patient_import.file.no_rows');
  return { rows };
}

function toDraftInput(get: (column: Column) => string, hasForeign: boolean): PatientDraftInput {
  const sex = get('sex');
  const birth = get('birth_date');
  return {
    surname: get('surname'),
    name: get('name'),
    patronymic: get('patronymic'),
    // Anything that is not ДД.ММ.ГГГГ goes to the schema as it is and gets its format error.
    birthDate: parseRussianDate(birth) ?? birth,
    sex: (sexes[sex.toLowerCase()] ?? sex) as PatientDraftInput['sex'],
    foreign: hasForeign && yes.has(get('foreign').toLowerCase()),
    snils: get('snils'),
    enp: get('enp'),
    inn: get('inn'),
    phone: get('phone'),
    email: get('email'),
    // An absent column reads as empty: "not given".
    address: get('address'),
  };
}
