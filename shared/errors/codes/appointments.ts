import type { CodeEntries } from '../code-entries';

/**
 * Appointments (issue 13, E1–E3): the schedule's rules and a booking's refusals, each its own
 * code (the "bad input"); nothing half-booked.
 */
export const appointmentCodes = {
  'appointments.slot.taken': {
    ru: 'Это время уже занято: выберите другое (ближайшие свободные показаны)',
    en: 'This time has just been taken: choose another (the nearest free times are shown)',
  },
  'appointments.slot.past': {
    ru: 'Время {startsAt} уже прошло: записать на него нельзя',
    en: 'The time {startsAt} has passed: it cannot be booked',
  },
  'appointments.slot.outside_hours': {
    ru: 'Время вне часов приёма специалиста в этот день ({hours})',
    en: "The time is outside the specialist's hours that day ({hours})",
  },
  'appointments.slot.holiday': {
    ru: '{date} — нерабочий день по производственному календарю или графику клиники',
    en: '{date} is a day off by the production calendar or the clinic’s schedule',
  },
  'appointments.slot.break': {
    ru: 'Время приходится на перерыв специалиста ({starts}–{ends})',
    en: "The time overlaps the specialist's break ({starts}–{ends})",
  },
  'appointments.slot.duration': {
    ru: 'Длительность записи должна быть {minutes} мин — как у услуги',
    en: 'The booking must last {minutes} min, as the service does',
  },
  'appointments.slot.leave': {
    ru: 'Специалист в этот день отсутствует ({reason})',
    en: 'The specialist is away that day ({reason})',
  },
  'appointments.slot.patient_busy': {
    ru: 'Пациент уже записан на это время (к другому специалисту)',
    en: 'The patient is already booked at this time (with another specialist)',
  },
  'appointments.slot.too_many': {
    ru: 'У пациента уже {count} будущих записей — больше нельзя (не более {limit})',
    en: 'The patient already has {count} future bookings — no more are allowed (at most {limit})',
  },
  'appointments.slot.service_limit': {
    ru: 'Лимит услуги «{service}» на {date} исчерпан ({limit} в день)',
    en: 'The limit of “{service}” on {date} is reached ({limit} a day)',
  },
  'appointments.slot.not_offered': {
    ru: 'Специалист не оказывает услугу «{service}» в это время',
    en: 'The specialist does not offer “{service}” at this time',
  },
  'appointments.slot.misaligned': {
    ru: 'Запись начинается не по сетке расписания (шаг {step} мин)',
    en: "The booking does not start on the schedule's grid ({step}-minute steps)",
  },
  'appointments.calendar.missing': {
    ru: 'Производственный календарь на {year} год не импортирован: свободное время не рассчитать',
    en: 'The production calendar for {year} has not been imported: free times cannot be computed',
  },
  'appointments.search.range': {
    ru: 'Период поиска — не больше {max} дней, и начало не позже конца',
    en: 'The search covers at most {max} days, and its start is not after its end',
  },
  'appointments.search.target': {
    ru: 'Выберите специалиста или специальность',
    en: 'Choose a specialist or a specialty',
  },
  'appointments.specialist.unknown': {
    ru: 'Специалист не найден или не ведёт приём',
    en: 'The specialist was not found or does not see patients',
  },
  'appointments.service.unknown': {
    ru: 'Услуга не найдена или не оказывается',
    en: 'The service was not found or is not offered',
  },
  'appointments.not_found': { ru: 'Запись на приём не найдена', en: 'The booking was not found' },
  'appointments.not_active': {
    ru: 'Запись уже отменена, перенесена или состоялась: её нельзя изменить',
    en: 'The booking is already cancelled, moved or past: it cannot be changed',
  },
  'appointments.mark.too_early': {
    ru: 'Отметить неявку можно только после начала приёма',
    en: 'A no-show can be marked only after the visit’s start',
  },
  'appointments.hold.expired': {
    ru: 'Время было отложено для вас на {minutes} мин и освободилось: выберите его снова',
    en: 'The time was held for you for {minutes} min and has been released: choose it again',
  },
  'appointments.hold.not_found': { ru: 'Отложенное время не найдено', en: 'The held time was not found' },
  'appointments.attachment.not_found': { ru: 'Вложение не найдено', en: 'The attachment was not found' },
  'appointments.attachment.source': {
    ru: 'Приложите скан документа или запись из карты — что-то одно',
    en: 'Attach a document scan or a chart entry — exactly one of them',
  },
  'appointments.video.not_yet': {
    ru: 'Ссылка на видеоприём откроется за {minutes} мин до начала ({startsAt})',
    en: 'The video link opens {minutes} min before the start ({startsAt})',
  },
  'appointments.video.expired': {
    ru: 'Видеоприём завершён: ссылка больше не действует',
    en: 'The video visit is over: the link no longer works',
  },
  'appointments.video.invalid': { ru: 'Ссылка на видеоприём недействительна', en: 'The video link is not valid' },
  'appointments.transition': {
    ru: 'Запись на приём нельзя перевести из «{from}» в «{to}»',
    en: 'A booking cannot go from “{from}” to “{to}”',
  },
  'appointments.field.fixed': {
    ru: 'Поле «{field}» записи на приём не меняется: для другого времени запись переносят',
    en: 'The booking’s field “{field}” cannot change: a booking is moved to another time instead',
  },
  'appointments.field.server_only': {
    ru: 'Поле «{field}» записи на приём заполняет сервер',
    en: 'The booking’s field “{field}” is set by the server',
  },
  'appointments.row.invalid': {
    ru: 'Запись на приём заполнена неверно (поле «{field}»)',
    en: 'The booking is not filled in correctly (field “{field}”)',
  },
  'appointments.patient.unknown': {
    ru: 'Пациент не найден в этой клинике',
    en: 'The patient was not found in this clinic',
  },
  'appointments.time_zone.invalid': {
    ru: 'Неизвестный часовой пояс: {zone}',
    en: 'Unknown time zone: {zone}',
  },
  'schedules.pattern.hours': {
    ru: 'Конец приёма ({ends}) должен быть позже начала ({starts})',
    en: 'The end of hours ({ends}) must be after the start ({starts})',
  },
  'schedules.pattern.break': {
    ru: 'Перерыв {starts}–{ends} должен быть внутри часов приёма и не пересекаться с другим',
    en: 'The break {starts}–{ends} must be within the hours and not overlap another',
  },
  'schedules.pattern.overlap': {
    ru: 'У специалиста уже есть часы в {weekday} ({hours}), пересекающиеся с этими',
    en: 'The specialist already has hours on {weekday} ({hours}) that overlap these',
  },
  'schedules.exception.range': {
    ru: 'Дата окончания ({toDate}) раньше даты начала ({fromDate})',
    en: 'The end date ({toDate}) is before the start date ({fromDate})',
  },
  'schedules.exception.hours': {
    ru: 'Для особых часов укажите начало и конец приёма',
    en: 'One-off hours need a start and an end',
  },
  'schedules.code.unknown': {
    ru: 'Кода {code} нет в справочнике «{dictionary}» — импортируйте его',
    en: 'Code {code} is not in the dictionary “{dictionary}” — import it',
  },
  'schedules.not_found': { ru: 'Запись расписания не найдена', en: 'The schedule item was not found' },
} satisfies CodeEntries<'appointments' | 'schedules'>;
