import type { CodeEntries } from '../code-entries';

/** The clinical chart (issue 12, D1–D6): entries, amendments, the prescription check, reports, sharing. */
export const chartCodes = {
  'chart.entry.not_found': { ru: 'Запись медицинской карты не найдена', en: 'The chart entry was not found' },
  'chart.entry.changed': {
    ru: 'Запись изменена другим пользователем (версия {current}, вы открывали {base}): сравните версии',
    en: 'The entry was changed by someone else (revision {current}, you opened {base}): compare the versions',
  },
  'chart.entry.deleted': {
    ru: 'Запись удалена: её нельзя изменить',
    en: 'The entry was removed: it cannot be changed',
  },
  'chart.entry.kind_mismatch': {
    ru: 'Вид записи нельзя изменить исправлением',
    en: "An amendment cannot change the entry's kind",
  },
  'chart.entry.patient_mismatch': {
    ru: 'Запись относится к другому пациенту',
    en: 'The entry belongs to another patient',
  },
  'chart.encounter.not_found': {
    ru: 'Приём, к которому относится запись, не найден у этого пациента',
    en: 'The encounter this entry belongs to was not found for this patient',
  },
  'chart.code.unknown': {
    ru: 'Кода {code} нет в справочнике «{dictionary}» (действующая версия)',
    en: 'Code {code} is not in the dictionary “{dictionary}” (active version)',
  },
  'chart.code.not_codable': {
    ru: 'Код {code} — рубрика, а не диагноз: выберите уточнённый код',
    en: 'Code {code} is a heading, not a diagnosis: choose a more specific code',
  },
  'chart.code.retired': {
    ru: 'Код {code} исключён из действующей версии справочника',
    en: 'Code {code} is retired in the active version of the dictionary',
  },
  'chart.date.future': {
    ru: 'Дата {date} ещё не наступила: в карту записывается то, что уже произошло',
    en: 'The date {date} is in the future: the chart records what has already happened',
  },
  'chart.date.before_birth': {
    ru: 'Дата {date} раньше даты рождения пациента',
    en: "The date {date} is before the patient's birth",
  },
  'chart.date.order': {
    ru: 'Дата окончания {end} раньше даты начала {start}',
    en: 'The end date {end} is before the start date {start}',
  },
  'chart.diagnosis.duplicate': {
    ru: 'Диагноз {code} уже есть среди действующих',
    en: 'The diagnosis {code} is already active',
  },
  'chart.lab.flag_required': {
    ru: 'Для текстового результата укажите, в норме ли он',
    en: 'For a text result, say whether it is normal',
  },
  'chart.lab.range_order': {
    ru: 'Нижняя граница нормы {low} больше верхней {high}',
    en: 'The lower reference bound {low} is above the upper one {high}',
  },
  // The prescription check (shared/chart/prescription-check.ts)
  'chart.prescription.dates_order': {
    ru: 'Дата окончания приёма {stopOn} раньше даты начала {startOn}',
    en: 'The stop date {stopOn} is before the start date {startOn}',
  },
  'chart.prescription.unit_mismatch': {
    ru: 'Единица «{unit}» не переводится в единицу формуляра «{formularyUnit}» для {inn}',
    en: 'The unit “{unitEn}” does not convert to the formulary’s “{formularyUnitEn}” for {inn}',
  },
  'chart.prescription.single_dose_above_max': {
    ru: 'Разовая доза {dose} {unit} выше максимальной {max} {unit} для {inn} (возраст {age})',
    en: 'The single dose {dose} {unitEn} is above the maximum {max} {unitEn} for {inn} (age {age})',
  },
  'chart.prescription.daily_dose_above_max': {
    ru: 'Суточная доза {daily} {unit} выше максимальной {max} {unit} для {inn} (возраст {age})',
    en: 'The daily dose {daily} {unitEn} is above the maximum {max} {unitEn} for {inn} (age {age})',
  },
  'chart.prescription.not_in_formulary': {
    ru: '{inn} нет в формуляре клиники для этого возраста, формы и пути введения',
    en: '{inn} is not in the clinic’s formulary for this age, form and route',
  },
  'chart.alert.allergy_exact': {
    ru: 'Аллергия на {substance}: назначаемый препарат — то же вещество ({inn})',
    en: 'Allergy to {substance}: the medicine is the same substance ({inn})',
  },
  'chart.alert.allergy_class': {
    ru: 'Аллергия на {substance}: {inn} из той же группы АТХ {atc}',
    en: 'Allergy to {substance}: {inn} is of the same ATC class {atc}',
  },
  'chart.alert.duplicate_prescription': {
    ru: '{inn} уже назначен и принимается (с {startOn})',
    en: '{inn} is already prescribed and being taken (since {startOn})',
  },
  'chart.alert.override_required': {
    ru: 'Предупреждения не подтверждены: укажите причину для каждого ({codes})',
    en: 'Warnings not acknowledged: give a reason for each ({codes})',
  },
  'chart.medicine.unknown': {
    ru: 'Препарата {code} нет в ЕСКЛП (действующая версия)',
    en: 'Medicine {code} is not in the ESKLP (active version)',
  },
  // Inaccuracy reports (D4)
  'chart.report.not_found': { ru: 'Сообщение о неточности не найдено', en: 'The inaccuracy report was not found' },
  'chart.report.decided': {
    ru: 'По этому сообщению уже принято решение',
    en: 'This report has already been decided',
  },
  'chart.report.not_declined': {
    ru: 'Заявление о несогласии можно приложить только к отклонённому сообщению',
    en: 'A statement of disagreement can only be attached to a declined report',
  },
  'chart.report.disagreement_exists': {
    ru: 'Заявление о несогласии уже приложено',
    en: 'A statement of disagreement is already attached',
  },
  'chart.report.open_exists': {
    ru: 'По этой записи уже есть сообщение на рассмотрении',
    en: 'A report about this entry is already under review',
  },
  'chart.report.not_creatable': {
    ru: 'Сообщения о неточностях подаёт пациент в личном кабинете: рабочее место их не создаёт',
    en: 'Inaccuracy reports are filed by the patient in the cabinet: a desk does not create them',
  },
  'chart.report.transition': {
    ru: 'Сообщение о неточности можно только принять или отклонить',
    en: 'An inaccuracy report can only be accepted or declined',
  },
  'chart.report.field_fixed': {
    ru: 'Решение по сообщению не меняет того, что написал пациент, и сроков ответа',
    en: 'Deciding a report changes neither what the patient wrote nor its deadline',
  },
  'chart.report.actor_mismatch': {
    ru: 'Решение по сообщению записывается от имени того, кто его принял',
    en: 'A decision on a report is recorded in the name of the person who made it',
  },
  'chart.report.decided_at': {
    ru: 'Не указано время решения по сообщению',
    en: 'The time of the decision on the report is missing',
  },
  'chart.report.decline_reason': {
    ru: 'Укажите причину отказа (не короче 10 символов): её прочитает пациент',
    en: 'Give the reason for declining (at least 10 characters): the patient reads it',
  },
  'chart.report.amendment_missing': {
    ru: 'Принятое сообщение должно ссылаться на сделанное исправление записи',
    en: 'An accepted report must point to an amendment made to the entry',
  },
  'chart.entry.body_invalid': {
    ru: 'Содержание записи не соответствует её виду',
    en: 'The entry’s content does not fit its kind',
  },
  'chart.entry.patient_source': {
    ru: 'Записи, загруженные пациентом, создаёт только личный кабинет',
    en: 'Entries uploaded by the patient are created only by the cabinet',
  },
  'chart.entry.patient_unknown': {
    ru: 'Пациента, к которому относится запись, нет на сервере',
    en: 'The patient the entry belongs to is not on the server',
  },
  'chart.entry.revision': {
    ru: 'Версия записи не растёт: исправление или удаление должно увеличить её на 1',
    en: 'The entry’s revision does not grow: an amendment or removal must raise it by 1',
  },
  'chart.entry.reason_required': {
    ru: 'Исправление или удаление записи требует причины',
    en: 'An amendment or removal of an entry needs a reason',
  },
  'chart.entry.actor_mismatch': {
    ru: 'Исправление записывается от имени того, кто его сделал',
    en: 'An amendment is recorded in the name of the person who made it',
  },
  'chart.revision.immutable': {
    ru: 'Прежняя версия записи не меняется',
    en: 'A previous version of an entry is never changed',
  },
  // Sharing (D6)
  'chart.share.consent_not_found': { ru: 'Согласие на передачу не найдено', en: 'The consent to share was not found' },
  'chart.share.consent_revoked': {
    ru: 'Согласие на передачу отозвано {revokedAt}',
    en: 'The consent to share was revoked on {revokedAt}',
  },
  'chart.share.consent_expired': {
    ru: 'Согласие на передачу действовало до {validUntil}',
    en: 'The consent to share was valid until {validUntil}',
  },
  'chart.share.out_of_scope': {
    ru: 'Запись {entryId} не входит в согласие пациента на передачу',
    en: "Entry {entryId} is outside the patient's consent to share",
  },
  'chart.share.consent_invalid': {
    ru: 'Согласие на передачу заполнено неверно: {reason}',
    en: 'The consent to share is not filled in correctly: {reason}',
  },
  'chart.share.immutable': {
    ru: 'Согласие или отправку нельзя изменить — только отозвать согласие',
    en: 'A consent or a sending cannot be changed — a consent can only be revoked',
  },
  'chart.upload.scan_used': {
    ru: 'Этот файл уже добавлен в медицинскую карту',
    en: 'This file is already in the chart',
  },
  'chart.upload.doctor_unknown': {
    ru: 'Такого врача нет среди врачей клиники: выберите из списка',
    en: 'No such doctor at the clinic: choose one from the list',
  },
  'chart.upload.not_lab': {
    ru: 'Файл не подходит как результат анализа: {reason}',
    en: 'The file does not fit as a lab result: {reason}',
  },
} as const satisfies CodeEntries<'chart'>;
