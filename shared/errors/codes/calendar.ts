import type { CodeEntries } from '../code-entries';

/** Production calendar (C2, B3 deadlines in business days). */
export const calendarCodes = {
  'calendar.year_missing': {
    ru: 'Производственный календарь на {year} год не загружен: срок в рабочих днях посчитать нельзя',
    en: 'The production calendar for {year} has not been imported: a deadline in business days cannot be computed',
  },
  'calendar.date.format': { ru: '«{value}» — не дата ГГГГ-ММ-ДД', en: '“{value}” is not a YYYY-MM-DD date' },
  'calendar.xml.syntax': {
    ru: 'Файл календаря, строка {line}: нарушена разметка XML',
    en: 'Calendar file, line {line}: malformed XML',
  },
  'calendar.xml.element': {
    ru: 'Файл календаря, строка {line}: неожиданный элемент <{name}>',
    en: 'Calendar file, line {line}: unexpected element <{name}>',
  },
  'calendar.xml.attribute': {
    ru: 'Файл календаря, строка {line}: у элемента <{element}> лишний, повторённый или недостающий атрибут {name}',
    en: 'Calendar file, line {line}: element <{element}> has an unknown, repeated or missing attribute {name}',
  },
  'calendar.xml.value': {
    ru: 'Файл календаря, строка {line}: недопустимое значение {name}="{value}"',
    en: 'Calendar file, line {line}: invalid value {name}="{value}"',
  },
  'calendar.xml.duplicate': {
    ru: 'Файл календаря, строка {line}: день {day} указан дважды',
    en: 'Calendar file, line {line}: day {day} is listed twice',
  },
  'calendar.xml.working_weekday': {
    ru: 'Файл календаря, строка {line}: {day} — будний день, а помечен как рабочий выходной (t=3)',
    en: 'Calendar file, line {line}: {day} is a weekday but marked as a working weekend day (t=3)',
  },
  'calendar.xml.year_mismatch': {
    ru: 'Файл описывает {year} год, а ожидался {expected}',
    en: 'The file describes {year}, but {expected} was expected',
  },
} as const satisfies CodeEntries<'calendar'>;
