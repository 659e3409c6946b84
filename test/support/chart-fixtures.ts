import type { ChartEntryView, ChartRevision, ChartSummary } from '../../shared/chart/chart-views';
import type { PrescriptionProblem } from '../../shared/chart/prescription-check';
import type { ServiceContext } from '../../electron/core/context';
import { createPatient } from '../../electron/services/patients/create-patient';
import { importDictionaryBytes } from '../../electron/services/dictionaries/import-file';
import { nsiBundle } from '../../electron/services/dictionaries/nsi-json';
import { patientDraftSchema } from '../../shared/domain/patient';
import { draft, validSnils } from './fixtures';
import { openTempDesk, type TempDesk } from './temp-desk';

/**
 * The chart's dictionaries, written for the tests (never copies of published files), imported
 * through the desk's own readers as an administrator would: a few МКБ-10 lines in the НСИ CSV,
 * a tiny ЕСКЛП and Номенклатура медицинских услуг as ФНСИ JSON exports (passport + part), and a
 * formulary of public adult dosing facts (paracetamol 1 g at once, 4 g a day; amoxicillin 1 g, 3 g).
 */
const icd10Csv = [
  'ID;REC_CODE;MKB_CODE;MKB_NAME;ID_PARENT;ADDL_CODE;ACTUAL;DATE',
  '1;10;"X";"БОЛЕЗНИ ОРГАНОВ ДЫХАНИЯ";;;1;',
  '2;1000;"J00-J06";"ОСТРЫЕ РЕСПИРАТОРНЫЕ ИНФЕКЦИИ ВЕРХНИХ ДЫХАТЕЛЬНЫХ ПУТЕЙ";1;;1;',
  '3;"10J06";"J06";"Острые инфекции верхних дыхательных путей множественной и неуточненной локализации";2;;1;',
  '4;"10J069";"J06.9";"Острая инфекция верхних дыхательных путей неуточненная";3;;1;',
  '5;"10J060";"J06.0";"Острый ларингофарингит";3;;1;',
  '6;9;"IX";"БОЛЕЗНИ СИСТЕМЫ КРОВООБРАЩЕНИЯ";;;1;',
  '7;"9I10";"I10";"Эссенциальная [первичная] гипертензия";6;;1;',
  '8;"9I11";"I11";"Гипертензивная болезнь сердца";6;;1;',
  '9;"9I110";"I11.0";"Гипертензивная болезнь сердца с застойной сердечной недостаточностью";8;;0;"01.01.2025"',
].join('\r\n');

export const testIcd10 = {
  ari: 'J06.9',
  laryngitis: 'J06.0',
  hypertension: 'I10',
  /** A heading: not a diagnosis. */
  heading: 'J06',
  retired: 'I11.0',
} as const;

const nsiRow = (values: Record<string, string>) => Object.entries(values).map(([column, value]) => ({ column, value }));

function nsiExport(oid: string, version: string, rows: Record<string, string>[]): Uint8Array {
  const passport = { oid, version, rowsCount: rows.length };
  const part = { total: rows.length, list: rows.map(nsiRow) };
  const bundle = nsiBundle({ name: 'passport.json', text: JSON.stringify(passport) }, [
    { name: 'part1.json', text: JSON.stringify(part) },
  ]);
  return Buffer.from(bundle, 'utf8');
}

const medicine = (code: string, inn: string, form: string, dose: string, atc: string, tn: string) => ({
  smnn_code: code,
  standard_inn: inn,
  standard_form: form,
  standard_doze: dose,
  name_unit: 'мг',
  code_atc: atc,
  name_atc: '',
  tn,
  essential_medicines: 'да',
  narcotic_psychotropic: 'нет',
});

export const testMedicines = {
  paracetamol: '21.20.10.132-000001-1-00001',
  amoxicillin: '21.20.10.131-000002-1-00001',
  ampicillin: '21.20.10.131-000003-1-00001',
  cefalexin: '21.20.10.131-000004-1-00001',
} as const;

const medicines = [
  medicine(testMedicines.paracetamol, 'Парацетамол', 'ТАБЛЕТКИ', '500 мг', 'N02BE01', 'Панадол'),
  medicine(testMedicines.amoxicillin, 'Амоксициллин', 'КАПСУЛЫ', '500 мг', 'J01CA04', 'Флемоксин'),
  medicine(testMedicines.ampicillin, 'Ампициллин', 'ТАБЛЕТКИ', '250 мг', 'J01CA01', 'Ампициллин'),
  medicine(testMedicines.cefalexin, 'Цефалексин', 'КАПСУЛЫ', '250 мг', 'J01DB01', 'Цефалексин'),
];

export const testServices = { ecg: 'A05.10.006', retired: 'A05.10.001' } as const;

const services = [
  { ID: '1', S_CODE: testServices.ecg, NAME: 'Регистрация электрокардиограммы', DATEOUT: '' },
  { ID: '2', S_CODE: testServices.retired, NAME: 'Устаревшая услуга', DATEOUT: '01.01.2020' },
];

const formularyCsv = [
  'INN;ATC;FORM;ROUTE;UNIT;AGE_FROM;AGE_TO;MAX_SINGLE;MAX_DAILY',
  'Парацетамол;;;oral;mg;12;;1000;4000',
  'Парацетамол;;;oral;mg;0;12;250;1000',
  ';J01CA;;oral;mg;18;;1000;3000',
].join('\n');

const adminOf = (ctx: ServiceContext): ServiceContext => ({ ...ctx, actor: { ...ctx.actor, role: 'admin' } });
const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** МКБ-10 alone, or everything the chart uses (ЕСКЛП, services, formulary) too. */
export function importChartDictionaries(
  ctx: ServiceContext,
  which: { medicines?: boolean; services?: boolean; formulary?: boolean } = {},
): void {
  const admin = adminOf(ctx);
  importDictionaryBytes(admin, 'icd10', utf8(icd10Csv), '1.2.643.5.1.13.13.11.1005_2.27.csv');
  if (which.medicines !== false) {
    importDictionaryBytes(
      admin,
      'medicines',
      nsiExport('1.2.643.5.1.13.13.99.2.611', '1.0', medicines),
      'esklp.fnsi.json',
    );
  }
  if (which.services !== false) {
    importDictionaryBytes(admin, 'services', nsiExport('1.2.643.5.1.13.13.11.1070', '1.0', services), 'nmu.fnsi.json');
  }
  if (which.formulary !== false) {
    importDictionaryBytes(admin, 'formulary', utf8(formularyCsv), 'formulary.csv', { version: '2026-11-01' });
  }
}

/** A real encrypted desk acting as a doctor, with the chart's dictionaries and one adult patient (born 1980). */
export interface ChartDesk extends TempDesk {
  patientId: string;
  /** The desk's clock: 25.11.2026 12:00 Moscow. */
  now: string;
}

/** Another patient on the desk (enrolled as the front desk would), for entries that must not cross cards. */
export function enrolAnother(desk: TempDesk): string {
  const clerk = { ...desk.ctx, actor: { ...desk.ctx.actor, role: 'clerk' as const } };
  const other = draft({
    surname: 'Иванов',
    name: 'Пётр',
    sex: 'male',
    snils: validSnils('223344556'),
    phone: '+79160000002',
  });
  return createPatient(clerk, patientDraftSchema.parse(other)).id;
}

export async function openChartDesk(
  options: { dictionaries?: Parameters<typeof importChartDictionaries>[1] | false } = {},
): Promise<ChartDesk> {
  const desk = await openTempDesk({ role: 'doctor' });
  if (options.dictionaries !== false) importChartDictionaries(desk.ctx, options.dictionaries);
  const clerk = { ...desk.ctx, actor: { ...desk.ctx.actor, role: 'clerk' as const } };
  const patientId = createPatient(clerk, patientDraftSchema.parse(draft())).id;
  return { ...desk, patientId, now: desk.ctx.clock.now().toISOString() };
}

/** One draft of each kind, as a doctor fills the form (overrides change the body's fields). */
export const drafts = {
  encounter: (body: Record<string, unknown> = {}) => ({
    kind: 'encounter',
    body: {
      at: '2026-11-20T07:30:00.000Z',
      visitType: 'first',
      department: 'Терапевтическое отделение',
      complaints: 'Кашель, насморк',
      conclusion: 'Острая респираторная инфекция, лёгкое течение',
      ...body,
    },
  }),
  diagnosis: (body: Record<string, unknown> = {}) => ({
    kind: 'diagnosis',
    body: { icd10: testIcd10.ari, role: 'main', establishedOn: '2026-11-20', ...body },
  }),
  procedure: (body: Record<string, unknown> = {}) => ({
    kind: 'procedure',
    body: { serviceCode: testServices.ecg, performedOn: '2026-11-20', ...body },
  }),
  prescription: (body: Record<string, unknown> = {}) => ({
    kind: 'prescription',
    body: {
      medicineCode: testMedicines.paracetamol,
      dose: 500,
      unit: 'mg',
      timesPerDay: 3,
      route: 'oral',
      durationDays: 5,
      startOn: '2026-11-20',
      ...body,
    },
  }),
  allergy: (body: Record<string, unknown> = {}) => ({
    kind: 'allergy',
    body: {
      substance: 'Ампициллин',
      medicineCode: testMedicines.ampicillin,
      atcClass: null,
      reaction: 'крапивница',
      severity: 'moderate',
      verification: 'confirmed',
      notedOn: '2019-05-01',
      ...body,
    },
  }),
  lab: (body: Record<string, unknown> = {}) => ({
    kind: 'lab_result',
    body: {
      test: 'Гемоглобин',
      value: 128,
      unit: 'г/л',
      referenceLow: 120,
      referenceHigh: 140,
      takenOn: '2026-11-19',
      ...body,
    },
  }),
  document: (body: Record<string, unknown> = {}) => ({
    kind: 'document',
    body: { type: 'discharge', date: '2026-11-01', title: 'Выписка из стационара', ...body },
  }),
};

/** A call's envelope as the tests read it: the detail's parts, a page's parts, or a refusal. */
export interface ChartEnvelope {
  ok: boolean;
  data?: {
    entry: ChartEntryView;
    revisions: ChartRevision[];
    children: ChartSummary[];
    reports: unknown[];
    items: ChartSummary[];
    next: { occurredAt: string; id: string } | null;
    total: number | null;
    problems: PrescriptionProblem[];
  } & Record<string, unknown>;
  error?: { code: string; field?: string; message: { ru: string; en: string } };
}

export const chartCall = async (desk: TempDesk, name: string, input: unknown) =>
  (await desk.dispatch(name, input)) as ChartEnvelope;
