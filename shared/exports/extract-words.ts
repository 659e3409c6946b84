import type { ChartEntryKind } from '../chart/entry-kinds';
import type { RestrictionReason } from '../rights/restrictions';
import type { RecordExtract, WithheldNotice } from './record-extract';

/**
 * The words of the exported documents themselves. The file is a Russian medical document
 * whatever the desk's language, so these are not i18n texts: a PDF, a FHIR narrative and a СЭМД
 * say the same in the same words.
 */
export const extractTitle = 'Выписка из медицинской карты амбулаторного, стационарного больного';

export const kindHeadings: Record<ChartEntryKind, string> = {
  encounter: 'Приёмы',
  diagnosis: 'Диагнозы',
  procedure: 'Процедуры и услуги',
  prescription: 'Назначения',
  allergy: 'Аллергии и непереносимость',
  lab_result: 'Результаты исследований',
  document: 'Документы',
};

export const restrictionReasonWords: Record<RestrictionReason, string> = {
  harm: 'по решению лечащего врача: ознакомление может повредить здоровью пациента',
  court_order: 'по решению суда',
};

export const visitTypeWords: Record<string, string> = {
  first: 'первичный',
  repeat: 'повторный',
  home: 'на дому',
  remote: 'дистанционный',
};

export const sexWords = { male: 'мужской', female: 'женский' } as const;

/** `1980-05-17` → `17.05.1980`; an instant is read as its calendar day in UTC+3 (Moscow). */
export function russianDay(iso: string): string {
  const day = iso.length > 10 ? new Date(Date.parse(iso) + 3 * 3_600_000).toISOString().slice(0, 10) : iso;
  const [year, month, date] = day.split('-');
  return `${date}.${month}.${year}`;
}

export function patientFullName(patient: RecordExtract['patient']): string {
  return [patient.surname, patient.name, patient.patronymic].filter((part) => part && part !== '').join(' ');
}

/** `12345678901` → `123-456-789 01`, as people write a СНИЛС. */
export function snilsShown(snils: string): string {
  return /^\d{11}$/.test(snils)
    ? `${snils.slice(0, 3)}-${snils.slice(3, 6)}-${snils.slice(6, 9)} ${snils.slice(9)}`
    : snils;
}

/**
 * The notice the law requires (F4): that information is withheld, how much, and why — each
 * reason in words with its basis document.
 */
export function withheldLines(notice: WithheldNotice): string[] {
  const head = notice.wholeChart
    ? `Сведения медицинской карты не включены в выписку: доступ к ним ограничен (записей: ${notice.count}).`
    : `Часть сведений не включена в выписку: доступ к ним ограничен (записей: ${notice.count}).`;
  const reasons = notice.reasons.map(
    (item) =>
      `Основание: ${restrictionReasonWords[item.reason]}; документ: ${item.basis} (от ${russianDay(item.decidedAt)}).`,
  );
  return [head, ...reasons];
}
