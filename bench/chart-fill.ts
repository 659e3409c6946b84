import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixedActorContext } from '../electron/core/fixed-actor-context';
import { ensureWorkstation } from '../electron/core/workstation';
import { syntheticPatients } from '../electron/demo/synthetic-patients';
import { searchEntries } from '../electron/services/dictionaries/lookup';
import { importDictionaryFile } from '../electron/services/dictionaries/import-file';
import type { Actor } from '../electron/store/actor';
import { openStore, type Store, type Tx } from '../electron/store/open-store';
import { rawTx } from '../electron/store/raw-tx';
import { allergyBodySchema, prescriptionBodySchema } from '../shared/chart/drafts';
import { searchFold } from '../shared/domain/person-name';

/**
 * The chart bench's store (issue 12, item 10): `scale` × 1,000,000 patients and × 10,000,000 chart
 * rows written with raw inserts in big transactions, in key order (a bench's setup, not the
 * product's path: no door, no audit, no outbox), plus one patient with 5,000 encounters and their
 * diagnoses, prescriptions, results and allergies, and the real МКБ-10, ЕСКЛП and a formulary
 * imported. Kept under /tmp by scale between runs: only the first run pays for the fill.
 */
export interface ChartBenchStore {
  store: Store;
  dir: string;
  doctor: Actor;
  heavyPatientId: string;
  /** Ordinary patients to open beside the heavy one. */
  samplePatientIds: string[];
  patients: number;
  rows: number;
  /** Seconds the fill took (when this run made it), null when the cached file was used. */
  fillSeconds: number | null;
  fileMiB: number;
}

interface Ready {
  heavyPatientId: string;
  samplePatientIds: string[];
  doctorId: string;
  patients: number;
  rows: number;
  fillSeconds: number;
}

export const heavyEncounters = 5_000;
/** Raised when the fill changes, so that a store filled by an earlier version is not reused. */
const fillVersion = 2;
const batchRows = 100_000;
const doctorCount = 40;
const nsiDir = process.env.BENCH_NSI_DIR ?? join(import.meta.dirname, '..', '..', 'shared', 'data');

/** Ids that sort in the order they are made (as the product's time-ordered ids do), deterministic. */
const seqId = (prefix: number, n: number): string =>
  `0192${prefix.toString(16).padStart(4, '0')}-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

const icdCodes = ['J06.9', 'I10', 'E11.9', 'K29.7', 'M54.5', 'J20.9', 'N39.0', 'E78.0', 'J02.9', 'E03.9'];
const departments = ['Терапевтическое отделение', 'Кардиологическое отделение', 'Неврологическое отделение'];
const visitTypes = ['first', 'repeat', 'repeat', 'home', 'remote'];
const encounterText = (n: number) =>
  JSON.stringify({
    at: '',
    visitType: 'repeat',
    department: departments[n % departments.length],
    complaints: 'Головная боль в затылочной области, повышение АД до 160/95 мм рт. ст.',
    history: 'Повышение АД в течение 5 лет, терапию принимает нерегулярно.',
    examination: 'АД 150/90 мм рт. ст., ЧСС 78 в мин. Тоны сердца приглушены, ритм правильный. Отеков нет.',
    conclusion: 'Гипертоническая болезнь II стадии. Продолжить терапию, дневник АД, ограничение соли.',
  });
const encounterBodies = departments.map((_, i) => encounterText(i));

const formularyCsv = [
  'INN;ATC;FORM;ROUTE;UNIT;AGE_FROM;AGE_TO;MAX_SINGLE;MAX_DAILY',
  'АМОКСИЦИЛЛИН;;;oral;mg;18;;1000;3000',
  'ПАРАЦЕТАМОЛ;;;oral;mg;18;;1000;4000',
  'ИБУПРОФЕН;;;oral;mg;18;;800;2400',
  'МЕТФОРМИН;;;oral;mg;18;;1000;3000',
  'ЭНАЛАПРИЛ;;;oral;mg;18;;20;40',
  'АМЛОДИПИН;;;oral;mg;18;;10;10',
  'АТОРВАСТАТИН;;;oral;mg;18;;80;80',
  'ОМЕПРАЗОЛ;;;oral;mg;18;;40;80',
  ';C09;;oral;mg;18;;100;200',
  ';J01;;oral;mg;18;;1000;4000',
  '',
].join('\n');

/** Opens the cached store for `scale`, or fills a new one. */
export async function chartBenchStore(scale: number, log: (line: string) => void): Promise<ChartBenchStore> {
  const dir = join('/tmp', 'medcard-bench-chart', `scale-${scale}-v${fillVersion}`);
  const dbPath = join(dir, 'desk.db');
  const keyPath = join(dir, 'desk.key');
  const readyPath = join(dir, 'ready.json');
  const cached = existsSync(readyPath);
  if (!cached) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(keyPath, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  const key = Buffer.from(readFileSync(keyPath, 'utf8'), 'hex');
  const store = await openStore({ path: dbPath, key, create: !cached, groupReadAudit: true });
  const desk = ensureWorkstation(store, new Date(), 'bench-desk');
  const ready = cached ? (JSON.parse(readFileSync(readyPath, 'utf8')) as Ready) : fill(store, desk, dir, scale, log);
  if (!cached) writeFileSync(readyPath, JSON.stringify(ready));
  const name = store.read((tx) =>
    tx.get<{ display_name: string }>('SELECT display_name FROM staff WHERE id = ?', [ready.doctorId]),
  );
  const doctor: Actor = {
    ...desk,
    staffId: ready.doctorId,
    kind: 'person',
    role: 'doctor',
    displayName: name?.display_name ?? '',
  };
  return {
    store,
    dir,
    doctor,
    heavyPatientId: ready.heavyPatientId,
    samplePatientIds: ready.samplePatientIds,
    patients: ready.patients,
    rows: ready.rows,
    fillSeconds: cached ? null : ready.fillSeconds,
    fileMiB: Math.round(statSync(dbPath).size / 2 ** 20),
  };
}

function fill(store: Store, desk: Actor, dir: string, scale: number, log: (line: string) => void): Ready {
  const started = performance.now();
  const patients = Math.max(100, Math.round(1_000_000 * scale));
  const targetRows = Math.max(1_000, Math.round(10_000_000 * scale));
  const now = new Date();
  const at = now.toISOString();

  const admin = fixedActorContext({ store, clock: { now: () => now }, actor: { ...desk, role: 'admin' } });
  importDictionaryFile(admin, 'icd10', join(nsiDir, 'nsi', '1.2.643.5.1.13.13.11.1005_2.27.csv'));
  importDictionaryFile(admin, 'medicines', join(nsiDir, 'nsi-json'));
  writeFileSync(join(dir, 'formulary.csv'), formularyCsv);
  importDictionaryFile(admin, 'formulary', join(dir, 'formulary.csv'), { version: '2026.1' });
  log(`dictionaries imported (${((performance.now() - started) / 1000).toFixed(0)} s)`);

  const doctorIds = Array.from({ length: doctorCount }, (_, i) => seqId(1, i));
  store.transaction((tx) => {
    const run = rawTx(tx).run;
    doctorIds.forEach((id, i) =>
      run(
        `INSERT INTO staff (id, version, created_at, created_by, updated_at, updated_by, device_id, login, display_name, role, kind, active)
         VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, 'doctor', 'person', 1)`,
        [id, at, desk.staffId, at, desk.staffId, desk.deviceId, `bench.doctor${i}`, `Врач Бенчмарков ${i + 1}`],
      ),
    );
  });

  // Patients, in id order, 100,000 to a transaction.
  const patientIds: string[] = [];
  const drafts = syntheticPatients({ seed: 20261207, count: patients, today: at.slice(0, 10) });
  for (let from = 0; from < patients; from += batchRows) {
    store.transaction((tx) => {
      const run = rawTx(tx).run;
      for (let i = from; i < Math.min(patients, from + batchRows); i++) {
        const draft = drafts.next().value!;
        const id = seqId(2, i);
        patientIds.push(id);
        run(
          `INSERT INTO patients (id, version, created_at, updated_at, device_id, surname, name, patronymic, birth_date, sex,
             surname_fold, name_fold, patronymic_fold) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            id,
            at,
            at,
            desk.deviceId,
            draft.surname,
            draft.name,
            draft.patronymic ?? null,
            draft.birthDate,
            draft.sex,
            searchFold(draft.surname),
            searchFold(draft.name),
            searchFold(draft.patronymic ?? ''),
          ],
        );
      }
    });
    log(`patients: ${Math.min(patients, from + batchRows)} / ${patients}`);
  }

  // The heavy patient is the middle one; its rows are written in their place in id order.
  const heavyIndex = Math.floor(patients / 2);
  const heavyPatientId = patientIds[heavyIndex]!;
  const heavyRows = heavyPatientRows(store, heavyPatientId, doctorIds, now);
  // Ordinary rows fill the target beside the heavy patient's, whether theirs are written yet or not.
  const ordinaryTarget = Math.max(0, targetRows - heavyRows.length);
  let ordinaryRows = 0;
  const perPatient = (i: number) => 1 + ((Math.imul(i + 1, 2654435761) >>> 0) % 19);
  const insertSql = `INSERT INTO chart_entries (id, version, created_at, created_by, updated_at, updated_by, device_id,
      patient_id, kind, encounter_id, occurred_at, visit_type, doctor_id, code, summary, status, body, revision, source)
      VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'desk')`;
  let rows = 0;
  let entry = 0;
  const pending: unknown[][] = [];
  const flush = () => {
    store.transaction((tx: Tx) => {
      const run = rawTx(tx).run;
      for (const params of pending) run(insertSql, params);
    });
    pending.length = 0;
    log(`chart rows: ${rows} / ${ordinaryTarget + heavyRows.length}`);
  };
  const yearMs = 365 * 86_400_000;
  for (let p = 0; p < patients && (ordinaryRows < ordinaryTarget || p <= heavyIndex); p++) {
    const patientId = patientIds[p]!;
    if (p === heavyIndex) {
      // Entries of a visit name their encounter by its place among the patient's rows (`@n`).
      const base = entry;
      const idOf = (value: unknown) =>
        typeof value === 'string' && value.startsWith('@') ? seqId(3, base + Number(value.slice(1))) : value;
      for (const row of heavyRows) {
        const id = seqId(3, entry++);
        pending.push([id, at, row.doctorId, at, row.doctorId, desk.deviceId, ...row.values.map(idOf)]);
      }
      rows += heavyRows.length;
    } else if (ordinaryRows < ordinaryTarget) {
      const count = Math.min(perPatient(p), ordinaryTarget - ordinaryRows);
      ordinaryRows += count;
      let encounterId: string | null = null;
      for (let k = 0; k < count; k++) {
        const id = seqId(3, entry++);
        const doctorId = doctorIds[(p + k) % doctorCount]!;
        const occurred = new Date(now.getTime() - ((Math.imul(p + 7, k + 13) >>> 0) % (8 * yearMs))).toISOString();
        const encounter = k % 4 === 0;
        const code = icdCodes[(p + k) % icdCodes.length]!;
        const values = encounter
          ? [
              patientId,
              'encounter',
              null,
              occurred,
              visitTypes[k % visitTypes.length],
              doctorId,
              code,
              `${departments[p % departments.length]}: Гипертоническая болезнь II стадии. Продолжить терапию`,
              null,
              encounterBodies[p % departments.length],
            ]
          : [
              patientId,
              'diagnosis',
              encounterId,
              occurred,
              'repeat',
              doctorId,
              code,
              `${code} Эссенциальная [первичная] гипертензия`,
              'active',
              `{"icd10":"${code}","role":"main","status":"active","establishedOn":"${occurred.slice(0, 10)}","resolvedOn":null,"comment":""}`,
            ];
        if (encounter) encounterId = id;
        pending.push([id, at, doctorId, at, doctorId, desk.deviceId, ...values]);
      }
      rows += count;
    }
    if (pending.length >= batchRows) flush();
  }
  if (pending.length > 0) flush();
  const samplePatientIds = Array.from({ length: 50 }, (_, i) => patientIds[(i * 7919) % Math.max(1, heavyIndex)]!);
  return {
    heavyPatientId,
    samplePatientIds,
    doctorId: doctorIds[0]!,
    patients,
    rows,
    fillSeconds: (performance.now() - started) / 1000,
  };
}

interface HeavyRow {
  doctorId: string;
  values: unknown[];
}

/**
 * The patient with 5,000 encounters over twenty years: each with its main diagnosis, every
 * fifth a lab result, every eighth a prescription from the imported ЕСКЛП (the last 30 still
 * active), and two allergies (a penicillin, confirmed; ibuprofen, reported).
 */
function heavyPatientRows(store: Store, patientId: string, doctorIds: string[], now: Date): HeavyRow[] {
  const medicine = (inn: string) => {
    const found = searchEntries({ store }, 'medicines', inn, { limit: 50 }).find(
      (entry) => String(entry.data.inn).toLowerCase() === inn && /^ТАБЛЕТКИ/.test(String(entry.data.form)),
    );
    if (!found) throw new Error(`the ЕСКЛП has no tablet of ${inn}`);
    return found.code;
  };
  const drugs = ['эналаприл', 'амлодипин', 'метформин', 'аторвастатин', 'парацетамол'].map((inn) => medicine(inn));
  const amoxicillin = medicine('амоксициллин');
  const rows: HeavyRow[] = [];
  const spanMs = 20 * 365 * 86_400_000;
  const allergy = (substance: string, code: string | null, atcClass: string | null, verification: string) => {
    const body = allergyBodySchema.parse({
      substance,
      medicineCode: code,
      atcClass,
      reaction: 'Крапивница',
      severity: 'moderate',
      verification,
      notedOn: '2008-04-01',
    });
    rows.push({
      doctorId: doctorIds[0]!,
      values: [
        patientId,
        'allergy',
        null,
        '2008-04-01T00:00:00.000Z',
        null,
        doctorIds[0],
        null,
        `Аллергия: ${substance} — Крапивница`,
        'active',
        JSON.stringify(body),
      ],
    });
  };
  allergy('Амоксициллин', amoxicillin, 'J01C', 'confirmed');
  allergy('Ибупрофен', null, 'M01A', 'reported');
  let prescriptions = 0;
  for (let n = 0; n < heavyEncounters; n++) {
    const doctorId = doctorIds[n % 5]!;
    const occurred = new Date(now.getTime() - spanMs + Math.floor((n * spanMs) / heavyEncounters)).toISOString();
    const encounterIndex = rows.length;
    const code = icdCodes[n % icdCodes.length]!;
    rows.push({
      doctorId,
      values: [
        patientId,
        'encounter',
        null,
        occurred,
        visitTypes[n % visitTypes.length],
        doctorId,
        code,
        `${departments[n % departments.length]}: Гипертоническая болезнь II стадии. Продолжить терапию`,
        null,
        encounterBodies[n % departments.length],
      ],
    });
    rows.push({
      doctorId,
      values: [
        patientId,
        'diagnosis',
        `@${encounterIndex}`,
        occurred,
        'repeat',
        doctorId,
        code,
        `${code} Эссенциальная [первичная] гипертензия`,
        n % 3 === 0 ? 'active' : 'resolved',
        `{"icd10":"${code}","role":"main","status":"active","establishedOn":"${occurred.slice(0, 10)}","resolvedOn":null,"comment":""}`,
      ],
    });
    if (n % 5 === 0) {
      rows.push({
        doctorId,
        values: [
          patientId,
          'lab_result',
          `@${encounterIndex}`,
          occurred,
          'repeat',
          doctorId,
          'A09.05.023',
          'Глюкоза крови натощак: 6.8 ммоль/л',
          'high',
          `{"test":"Глюкоза крови натощак","testCode":"A09.05.023","value":6.8,"unit":"ммоль/л","referenceLow":3.9,"referenceHigh":6.1,"flag":"high","takenOn":"${occurred.slice(0, 10)}","scanId":null,"comment":""}`,
        ],
      });
    }
    if (n % 8 === 0) {
      const active = n >= heavyEncounters - 8 * 30;
      const body = prescriptionBodySchema.parse({
        medicineCode: drugs[prescriptions % drugs.length],
        dose: 10,
        unit: 'mg',
        timesPerDay: 1,
        route: 'oral',
        durationDays: active ? null : 30,
        startOn: occurred.slice(0, 10),
        stopOn: null,
        status: active ? 'active' : 'completed',
      });
      prescriptions += 1;
      rows.push({
        doctorId,
        values: [
          patientId,
          'prescription',
          `@${encounterIndex}`,
          occurred,
          'repeat',
          doctorId,
          body.medicineCode,
          'Назначение: 10 мг × 1/сут',
          body.status,
          JSON.stringify(body),
        ],
      });
    }
  }
  return rows;
}
