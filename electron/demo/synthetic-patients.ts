import { isCalendarDate } from '../../shared/domain/calendar-date';
import { formatSnils } from '../../shared/domain/identifiers/snils';
import type { PatientDraftInput } from '../../shared/domain/patient';
import { transliterate } from '../../shared/domain/transliteration';
import { enpSpace, generateEnp, generateInn, generateSnils, innSpace, snilsSpace } from './identifiers';
import { femaleNames, maleNames, patronymicOf, surnameForms, surnames, type SexForms } from './russian-names';
import { SeededRandom } from './random';

export interface SyntheticPatientOptions {
  seed: number;
  count: number;
  /** ISO date: the latest birth date, and the day the demo pretends it is. */
  today: string;
}

/** Shares of drafts that have each thing; the rest leave it out (null). */
const share = {
  female: 0.54,
  patronymic: 0.98,
  doubleSurname: 0.01,
  snils: 0.95,
  enp: 0.9,
  inn: 0.03,
  phone: 0.85,
  email: 0.3,
};

const firstBirthDate = '1925-01-01';

/**
 * Realistic Russian patients as the enrolment form would submit them (B1), deterministic in the
 * seed. SNILS, ЕНП and INN come from the draft's index, so they are unique within a run of up
 * to ~10^9 drafts (10^6 for INN) without remembering any; phones and e-mails may repeat.
 */
export function* syntheticPatients(options: SyntheticPatientOptions): Generator<PatientDraftInput> {
  const { seed, count, today } = options;
  if (!Number.isSafeInteger(count) || count < 0)
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (!isCalendarDate(today) || today < firstBirthDate)
    throw new RangeError(`today must be an ISO date from ${firstBirthDate}, got ${today}`);
  if (count > snilsSpace) throw new RangeError(`At most ${snilsSpace} drafts keep their SNILS unique`);

  const random = new SeededRandom(seed);
  const firstDay = epochDay(firstBirthDate);
  const dayCount = epochDay(today) - firstDay + 1;
  const snilsOffset = random.uint32() % snilsSpace;
  const enpOffset = random.uint32() % enpSpace;
  const innOffset = random.uint32() % innSpace;

  for (let i = 0; i < count; i++) {
    const female = random.chance(share.female);
    const sex = female ? 'female' : 'male';
    const family = random.pick(surnameTable);
    let surname = female ? family.forms.female : family.forms.male;
    let surnameLatin = female ? family.latin.female : family.latin.male;
    if (random.chance(share.doubleSurname)) {
      const second = random.pick(doubleSurnameTable);
      if (second !== family) {
        surname += `-${female ? second.forms.female : second.forms.male}`;
        surnameLatin += `-${female ? second.latin.female : second.latin.male}`;
      }
    }
    const first = random.pick(female ? femaleNameTable : maleNameTable);
    const father = random.pick(maleNameTable);
    const patronymic = random.chance(share.patronymic)
      ? female
        ? father.patronymic.female
        : father.patronymic.male
      : null;
    const birthDate = isoDate(firstDay + random.below(dayCount));
    const snils = random.chance(share.snils) ? formatSnils(generateSnils(snilsOffset + i)) : null;
    const enp = random.chance(share.enp) ? generateEnp(enpOffset + i) : null;
    const inn = random.chance(share.inn) ? generateInn(innOffset + i) : null;
    const phone = random.chance(share.phone) ? mobilePhone(random) : null;
    const email = random.chance(share.email) ? emailAddress(random, surnameLatin, first.latin, birthDate) : null;
    yield { surname, name: first.text, patronymic, birthDate, sex, foreign: false, snils, enp, inn, phone, email };
  }
}

interface SurnameEntry {
  forms: SexForms;
  latin: SexForms;
}

interface FirstNameEntry {
  text: string;
  latin: string;
}

interface MaleNameEntry extends FirstNameEntry {
  patronymic: SexForms;
}

const surnameTable: readonly SurnameEntry[] = surnames.map((male) => {
  const forms = surnameForms(male);
  return { forms, latin: { male: transliterate(forms.male), female: transliterate(forms.female) } };
});

// Double surnames join two that change with sex, like Петров-Водкин / Петрова-Водкина.
const doubleSurnameTable = surnameTable.filter((entry) => entry.forms.male !== entry.forms.female);

const femaleNameTable: readonly FirstNameEntry[] = femaleNames.map((text) => ({ text, latin: transliterate(text) }));

const maleNameTable: readonly MaleNameEntry[] = maleNames.map((text) => ({
  text,
  latin: transliterate(text),
  patronymic: patronymicOf(text),
}));

// Mobile (DEF) codes of the big operators.
const mobileCodes = [
  '900',
  '901',
  '902',
  '903',
  '904',
  '905',
  '906',
  '908',
  '909',
  '910',
  '911',
  '912',
  '913',
  '914',
  '915',
  '916',
  '917',
  '918',
  '919',
  '920',
  '921',
  '922',
  '923',
  '924',
  '925',
  '926',
  '927',
  '928',
  '929',
  '930',
  '931',
  '932',
  '933',
  '934',
  '936',
  '937',
  '938',
  '939',
  '950',
  '951',
  '952',
  '953',
  '958',
  '960',
  '961',
  '962',
  '963',
  '964',
  '965',
  '966',
  '967',
  '968',
  '969',
  '977',
  '978',
  '980',
  '981',
  '982',
  '983',
  '984',
  '985',
  '986',
  '987',
  '988',
  '989',
  '991',
  '992',
  '993',
  '994',
  '995',
  '996',
  '997',
  '999',
];

const twoDigits = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

/** As the form's mask shows it: `+7 (916) 123-45-67`. */
function mobilePhone(random: SeededRandom): string {
  const code = random.pick(mobileCodes);
  const exchange = String(random.below(1000)).padStart(3, '0');
  return `+7 (${code}) ${exchange}-${twoDigits[random.below(100)]}-${twoDigits[random.below(100)]}`;
}

// Reserved for examples (RFC 2606): demo addresses never reach a real mailbox.
const emailDomains = ['example.com', 'example.org', 'example.net'];

function emailAddress(random: SeededRandom, surnameLatin: string, nameLatin: string, birthDate: string): string {
  const domain = random.pick(emailDomains);
  switch (random.below(4)) {
    case 0:
      return `${nameLatin}.${surnameLatin}@${domain}`;
    case 1:
      return `${surnameLatin}.${nameLatin.charAt(0)}@${domain}`;
    case 2:
      return `${nameLatin}${birthDate.slice(2, 4)}@${domain}`;
    default:
      return `${surnameLatin}${twoDigits[random.below(100)]}@${domain}`;
  }
}

function epochDay(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

/** Days since 1970-01-01 → `YYYY-MM-DD` (H. Hinnant's civil_from_days; no Date per draft). */
function isoDate(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${twoDigits[month]}-${twoDigits[day]}`;
}
