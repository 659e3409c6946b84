import type { CodeEntries } from '../code-entries';

/** Applications for online access (C1–C6): the cabinet's submissions, the desk's decisions, the server's rule. */
export const applicationCodes = {
  'application.not_found': {
    ru: 'Заявление не найдено',
    en: 'The application was not found',
  },
  // The cabinet's submission
  'application.signature.wrong': {
    ru: 'Неверный код подписи: проверьте код из SMS',
    en: 'The signature code is wrong: check the code in the text message',
  },
  'application.signature.expired': {
    ru: 'Срок действия кода подписи истёк: запросите новый код',
    en: 'The signature code has expired: ask for a new one',
  },
  'application.signature.used': {
    ru: 'Этот код подписи уже использован: запросите новый код',
    en: 'This signature code was already used: ask for a new one',
  },
  'application.signature.locked': {
    ru: 'Слишком много неверных попыток ввода кода подписи: запросите новый код',
    en: 'Too many wrong signature codes: ask for a new one',
  },
  'application.account.no_card': {
    ru: 'Учётная запись ещё не связана с медицинской картой клиники',
    en: 'The account is not yet linked to a patient card of the clinic',
  },
  'application.account.email_unconfirmed': {
    ru: 'Сначала подтвердите адрес электронной почты',
    en: 'Confirm your e-mail address first',
  },
  'application.account.phone_unconfirmed': {
    ru: 'Сначала подтвердите номер телефона',
    en: 'Confirm your phone number first',
  },
  'application.account.none': {
    ru: 'У заявления нет учётной записи личного кабинета: код активации некому отправить',
    en: 'The application has no cabinet account: there is nobody to send an activation code to',
  },
  'application.desk.contacts': {
    ru: 'Для личного кабинета нужны электронная почта и мобильный телефон пациента: внесите их в карту и примите заявление заново',
    en: 'A cabinet needs the patient’s e-mail and mobile phone: add them to the card and take the application again',
  },
  'application.desk.channel': {
    ru: 'Пациенту, подавшему заявление в регистратуре, код активации отправляется на почту или SMS: так подтверждается контакт для входа',
    en: 'A patient who applied at the desk gets the activation code by e-mail or SMS: that confirms the contact they will sign in with',
  },
  'application.desk.email_taken': {
    ru: 'Эта электронная почта уже указана в кабинете другого пациента: уточните адрес',
    en: 'This e-mail is already another patient’s cabinet login: check the address',
  },
  'application.already_open': {
    ru: 'У вас уже есть заявление на рассмотрении ({number})',
    en: 'You already have an application under review ({number})',
  },
  'application.consent.version': {
    ru: 'Текст согласия обновился (действует редакция {current}): прочитайте его ещё раз',
    en: 'The consent text has changed (version {current} is in force): please read it again',
  },
  'application.scan.unknown': {
    ru: 'Приложенный скан не найден среди ваших загрузок',
    en: 'An attached scan is not among your uploads',
  },
  // The patient's supply and appeal
  'application.supply.not_denied': {
    ru: 'Дополнить можно только отклонённое заявление',
    en: 'Only a denied application can be supplemented',
  },
  'application.supply.late': {
    ru: 'Срок для дополнения заявления истёк {date}: подайте новое заявление',
    en: 'The time to supplement the application ended on {date}: submit a new one',
  },
  'application.appeal.not_denied': {
    ru: 'Обжаловать можно только отклонённое заявление',
    en: 'Only a denied application can be appealed',
  },
  'application.appeal.already': {
    ru: 'Жалоба на это решение уже подана',
    en: 'An appeal of this decision was already filed',
  },
  'application.appeal.none': {
    ru: 'По этому заявлению нет жалобы, решение по которой можно записать',
    en: 'This application has no appeal to decide',
  },
  // The server's rule over desks' writes
  'application.channel': {
    ru: 'Регистратура записывает только заявления, принятые лично (канал «desk»)',
    en: 'A desk records only applications taken in person (channel "desk")',
  },
  'application.number.format': {
    ru: 'Номер заявления не по образцу З-ГГ-ИСТОЧНИК-NNNNNN',
    en: 'The application number does not follow З-YY-SOURCE-NNNNNN',
  },
  'application.number.source': {
    ru: 'Номер заявления должен нести код этой регистратуры',
    en: 'The application number must carry this desk’s code',
  },
  'application.number.taken': {
    ru: 'Заявление с таким номером уже есть',
    en: 'An application with this number already exists',
  },
  'application.field.required': {
    ru: 'Поле заявления не заполнено или заполнено неверно',
    en: 'A field of the application is missing or malformed',
  },
  'application.field.server_only': {
    ru: 'Это поле заявления регистратура не меняет: его заполняет сервер или пациент',
    en: 'A desk does not change this field of the application: the server or the patient sets it',
  },
  'application.due_at.late': {
    ru: 'Срок рассмотрения позже допустимого по производственному календарю',
    en: 'The review deadline is later than the production calendar allows',
  },
  'application.patient_unknown': {
    ru: 'Пациент заявления не найден',
    en: 'The application’s patient was not found',
  },
  'application.transition': {
    ru: 'Заявление в этом состоянии нельзя перевести в указанное',
    en: 'The application cannot move from its state to the one given',
  },
  'application.actor_mismatch': {
    ru: 'Поле должно называть сотрудника, который вносит изменение',
    en: 'The field must name the staff member who makes the change',
  },
  'application.check.identity': {
    ru: 'Одобрить нельзя: личность пациента не подтверждена',
    en: 'Cannot approve: the patient’s identity is not confirmed',
  },
  'application.check.consent': {
    ru: 'Одобрить нельзя: нет действующего согласия на обработку персональных данных',
    en: 'Cannot approve: there is no consent to processing in force',
  },
  'application.check.policy': {
    ru: 'Одобрить нельзя: полис ОМС пациента не подтверждён',
    en: 'Cannot approve: the patient’s OMS policy is not confirmed',
  },
  'application.activation_channel.required': {
    ru: 'Выберите, как пациент получит код активации',
    en: 'Choose how the patient gets the activation code',
  },
  'application.deny_reason.required': {
    ru: 'Укажите причину отказа',
    en: 'Give the reason for the denial',
  },
  'application.event.immutable': {
    ru: 'Запись журнала заявления не изменяется',
    en: 'An entry of the application’s journal is never changed',
  },
  'application.event.kind': {
    ru: 'Регистратура не записывает в журнал события этого вида',
    en: 'A desk does not record events of this kind in the journal',
  },
  // Activation codes
  'application.activation.wrong': {
    ru: 'Неверный код активации',
    en: 'The activation code is wrong',
  },
  'application.activation.expired': {
    ru: 'Срок действия кода активации истёк: обратитесь в регистратуру за новым',
    en: 'The activation code has expired: ask the front desk for a new one',
  },
  'application.activation.used': {
    ru: 'Код активации уже использован',
    en: 'The activation code was already used',
  },
  'application.printed_code.channel': {
    ru: 'Код для печати выдаётся только по одобренному заявлению со способом «распечатать»',
    en: 'A printed code is given only for an approved application whose channel is "print"',
  },
  'application.printed_code.permission': {
    ru: 'Печатать код активации может только сотрудник с правом изменять данные пациентов',
    en: 'Only a person who may change patients’ data can print an activation code',
  },
} as const satisfies CodeEntries<'application'>;
