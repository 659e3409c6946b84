import type { ChartDraftInput } from '../../shared/chart/drafts';
import { labFlag } from '../../shared/chart/drafts';
import type { VisitType } from '../../shared/chart/entry-kinds';
import {
  demoAllergies,
  demoAmendments,
  demoConditions,
  type DemoCondition,
  type DemoLab,
  type DemoMedicineUse,
} from './chart-conditions';
import { SeededRandom } from './random';

/** A medicine of the imported ЕСКЛП a demo prescription may name (a tablet or capsule in mg). */
export interface DemoMedicine {
  code: string;
  /** МНН, lower case. */
  inn: string;
  form: string;
  /** The strength of one tablet or capsule, mg. */
  doseMg: number;
}

/**
 * What the desk's dictionaries hold, so that every code a demo chart writes is one the service
 * accepts: МКБ-10 codes that are codable and not retired, ЕСКЛП medicines by МНН, НСИ 1070
 * services (empty when that dictionary is not imported: no procedures then).
 */
export interface ChartCatalogue {
  diagnoses: ReadonlySet<string>;
  medicines: ReadonlyMap<string, readonly DemoMedicine[]>;
  services: ReadonlySet<string>;
}

export interface ChartPatient {
  birthDate: string;
  sex: 'male' | 'female';
}

/**
 * One write of a demo chart, in the order a clinic would have made them. `ref` numbers the
 * entries of one patient's chart; an entry of a visit names its encounter's `ref`, an amendment
 * the entry it amends. `doctor` indexes the demo doctors.
 */
export type ChartStep =
  | { op: 'record'; ref: number; encounterRef: number | null; doctor: number; draft: ChartDraftInput }
  | { op: 'amend'; ref: number; doctor: number; draft: ChartDraftInput; reason: string };

export interface SyntheticChartOptions {
  /** The day the demo pretends it is (ISO date): every entry is before it. */
  today: string;
  /** How many demo doctors write (≥ 1). */
  doctors: number;
  /** Most visits per patient; each has 1 to this many (about half on average). */
  maxEncounters: number;
  /** How many years back the history reaches at most. */
  years: number;
}

const dayMs = 86_400_000;
const epochDay = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / dayMs);
const isoOfDay = (day: number): string => new Date(day * dayMs).toISOString().slice(0, 10);

function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Chronic conditions by age: the share of patients of that age who have each. */
function chronicShare(condition: DemoCondition, age: number, sex: ChartPatient['sex']): number {
  if (age < condition.minAge) return 0;
  switch (condition.icd10) {
    case 'I10':
      return age >= 55 ? 0.45 : 0.2;
    case 'E11.9':
      return age >= 60 ? 0.15 : 0.07;
    case 'E78.0':
      return 0.15;
    case 'E03.9':
      return sex === 'female' ? 0.08 : 0.02;
    default:
      return 0;
  }
}

function weighted(random: SeededRandom, items: readonly DemoCondition[]): DemoCondition {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let at = random.below(Math.max(1, Math.round(total)));
  for (const item of items) {
    at -= item.weight;
    if (at < 0) return item;
  }
  return items[items.length - 1] as DemoCondition;
}

function sentence(random: SeededRandom, phrases: readonly string[], extra = 0): string {
  const first = random.pick(phrases);
  if (extra === 0 || phrases.length < 2 || !random.chance(extra)) return first;
  const second = random.pick(phrases);
  return second === first ? first : `${first} ${second}`;
}

function labValue(random: SeededRandom, lab: DemoLab, worse: boolean): number {
  const span = lab.high - lab.low;
  // Mostly inside the range; a condition's own tests fall outside it a quarter of the time.
  const outside = worse ? random.chance(0.25) : random.chance(0.06);
  const value = outside
    ? random.chance(0.8)
      ? lab.high + span * (0.05 + random.below(40) / 100)
      : Math.max(0, lab.low - span * (0.05 + random.below(20) / 100))
    : lab.low + span * (0.05 + random.below(90) / 100);
  const scale = 10 ** lab.digits;
  return Math.round(value * scale) / scale;
}

function pickMedicine(random: SeededRandom, catalogue: ChartCatalogue, use: DemoMedicineUse): DemoMedicine | undefined {
  const candidates = catalogue.medicines.get(use.inn) ?? [];
  for (const dose of use.doses) {
    const fitting = candidates.filter((medicine) => Math.abs(medicine.doseMg - dose) < 1e-9);
    if (fitting.length > 0) return random.pick(fitting);
  }
  return undefined;
}

/**
 * A believable outpatient history for one patient (issue 12, item 8): visits over the years
 * (first visits and repeats, a few at home or remote), each with its main diagnosis coded by
 * МКБ-10, prescriptions from the ЕСКЛП, laboratory results against their reference ranges (some
 * flagged), services; allergies, a penicillin one for some; a few amendments with their reason.
 * Deterministic in `seed`. Penicillins are not prescribed to a patient allergic to them.
 */
export function syntheticChart(
  seed: number,
  patient: ChartPatient,
  catalogue: ChartCatalogue,
  options: SyntheticChartOptions,
): ChartStep[] {
  const random = new SeededRandom(seed);
  const today = epochDay(options.today);
  const born = epochDay(patient.birthDate);
  const first = Math.max(born + 30, today - options.years * 365);
  if (first >= today) return [];
  const doctors = Math.max(1, options.doctors);
  const ownDoctor = random.below(doctors);
  const doctorFor = () => (random.chance(0.7) ? ownDoctor : random.below(doctors));
  const known = demoConditions.filter((condition) => catalogue.diagnoses.has(condition.icd10));
  if (known.length === 0) return [];

  const ageNow = ageOn(patient.birthDate, options.today);
  const chronic = known.filter(
    (condition) => condition.chronic && random.chance(chronicShare(condition, ageNow, patient.sex)),
  );
  const allergy = random.chance(0.15) ? demoAllergies[random.below(demoAllergies.length)] : undefined;
  const penicillinAllergy = allergy?.atcClass === 'J01C';

  const visits = 1 + random.below(Math.max(1, options.maxEncounters));
  const days = Array.from({ length: visits }, () => first + random.below(today - first)).sort((a, b) => a - b);
  const allergyDay = allergy ? first + random.below(Math.max(1, (days[0] ?? today) - first)) : null;

  const steps: ChartStep[] = [];
  let ref = 0;
  const record = (encounterRef: number | null, doctor: number, draft: ChartDraftInput): number => {
    steps.push({ op: 'record', ref, encounterRef, doctor, draft });
    return ref++;
  };

  if (allergy && allergyDay !== null) {
    const medicine = allergy.inn ? random.pick(catalogue.medicines.get(allergy.inn) ?? [null]) : null;
    record(null, ownDoctor, {
      kind: 'allergy',
      body: {
        substance: allergy.substance,
        medicineCode: medicine?.code ?? null,
        atcClass: allergy.atcClass,
        reaction: random.pick(allergy.reactions),
        severity: random.pick(['mild', 'moderate', 'severe'] as const),
        verification: random.chance(0.7) ? 'confirmed' : 'reported',
        notedOn: isoOfDay(allergyDay),
      },
    });
  }

  const seen = new Set<string>();
  /** The day each diagnosis recorded so far is over (chronic: never). */
  const activeUntil = new Map<string, number>();
  const prescribedChronic = new Set<string>();
  for (const day of days) {
    const iso = isoOfDay(day);
    const age = ageOn(patient.birthDate, iso);
    const repeatChronic = chronic.filter((condition) => age >= condition.minAge);
    const acute = known.filter((condition) => !condition.chronic && age >= condition.minAge);
    const condition =
      repeatChronic.length > 0 && (acute.length === 0 || random.chance(0.45))
        ? random.pick(repeatChronic)
        : acute.length > 0
          ? weighted(random, acute)
          : undefined;
    if (!condition) continue;
    const repeat = seen.has(condition.icd10);
    const doctor = doctorFor();
    const visitType: VisitType = random.chance(0.06)
      ? 'home'
      : random.chance(0.06)
        ? 'remote'
        : repeat
          ? 'repeat'
          : 'first';
    // Moscow's working hours, 08:00–17:45 (UTC+3), on the quarter hour.
    const minutes = (5 * 60 + random.below(40) * 15) * 60_000;
    const at = new Date(day * dayMs + minutes).toISOString();
    const conclusion = sentence(random, condition.conclusion);
    const encounter = record(null, doctor, {
      kind: 'encounter',
      body: {
        at,
        visitType,
        department: condition.department,
        complaints: sentence(random, condition.complaints, 0.3),
        history: sentence(random, condition.history, 0.3),
        examination: sentence(random, condition.examination, 0.4),
        conclusion,
      },
    });
    // A diagnosis still active is not recorded again (a chronic one, an acute one not yet over).
    if ((activeUntil.get(condition.icd10) ?? -1) < day) {
      const resolvedOn = condition.chronic || today - day <= 30 ? null : day + 7 + random.below(14);
      activeUntil.set(condition.icd10, resolvedOn ?? Number.POSITIVE_INFINITY);
      record(encounter, doctor, {
        kind: 'diagnosis',
        body: {
          icd10: condition.icd10,
          role: 'main',
          status: resolvedOn === null ? 'active' : 'resolved',
          establishedOn: iso,
          resolvedOn: resolvedOn === null ? null : isoOfDay(Math.min(resolvedOn, today - 1)),
        },
      });
    }
    seen.add(condition.icd10);

    for (const use of condition.medicines) {
      if (condition.chronic && prescribedChronic.has(use.inn)) continue;
      if (condition.chronic && condition.medicines.length > 1 && random.chance(0.5)) continue;
      const medicine = pickMedicine(
        random,
        catalogue,
        penicillinAllergy && use.inn === 'амоксициллин' ? { ...use, inn: 'азитромицин', doses: [500] } : use,
      );
      if (!medicine) continue;
      const days = use.days;
      const stop = days === null ? null : day + days - 1;
      if (condition.chronic) prescribedChronic.add(use.inn);
      record(encounter, doctor, {
        kind: 'prescription',
        body: {
          medicineCode: medicine.code,
          dose: medicine.doseMg,
          unit: 'mg',
          timesPerDay: medicine.inn === 'азитромицин' ? 1 : use.timesPerDay,
          route: use.route,
          durationDays: medicine.inn === 'азитромицин' ? 3 : days,
          startOn: iso,
          stopOn: stop === null ? null : isoOfDay(medicine.inn === 'азитромицин' ? day + 2 : stop),
          status: stop !== null && stop < today ? 'completed' : 'active',
        },
      });
    }

    let labRef: { ref: number; draft: ChartDraftInput } | null = null;
    for (const lab of condition.labs) {
      if (!random.chance(0.6)) continue;
      const value = labValue(random, lab, true);
      const draft: ChartDraftInput = {
        kind: 'lab_result',
        body: {
          test: lab.test,
          testCode: lab.testCode,
          value,
          unit: lab.unit,
          referenceLow: lab.low,
          referenceHigh: lab.high,
          flag: labFlag(value, lab.low, lab.high),
          takenOn: iso,
        },
      };
      labRef = { ref: record(encounter, doctor, draft), draft };
    }
    for (const service of condition.services) {
      if (!catalogue.services.has(service) || !random.chance(0.5)) continue;
      record(encounter, doctor, { kind: 'procedure', body: { serviceCode: service, performedOn: iso } });
    }

    // A few amendments: a conclusion made more precise, a result mistyped from the lab's form.
    if (random.chance(0.04)) {
      const body = steps.find((step) => step.op === 'record' && step.ref === encounter)?.draft.body;
      steps.push({
        op: 'amend',
        ref: encounter,
        doctor,
        draft: {
          kind: 'encounter',
          body: { ...(body as object), conclusion: `${conclusion}${random.pick(demoAmendments.encounter.addenda)}` },
        } as ChartDraftInput,
        reason: random.pick(demoAmendments.encounter.reasons),
      });
    }
    if (labRef && labRef.draft.kind === 'lab_result' && random.chance(0.03)) {
      const body = labRef.draft.body;
      const value = typeof body.value === 'number' ? body.value : 0;
      const low = body.referenceLow ?? null;
      const high = body.referenceHigh ?? null;
      const corrected = Math.round(value * 0.9 * 100) / 100;
      steps.push({
        op: 'amend',
        ref: labRef.ref,
        doctor,
        draft: { kind: 'lab_result', body: { ...body, value: corrected, flag: labFlag(corrected, low, high) } },
        reason: random.pick(demoAmendments.lab.reasons),
      });
    }
  }
  return steps;
}
