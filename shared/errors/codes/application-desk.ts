import type { CodeEntries } from '../code-entries';

/** The desk's side of applications (C3–C6): what the desk refuses before the server would. */
export const applicationDeskCodes = {
  'application.desk.not_submitted': {
    ru: 'Рассмотрение можно начать только у нового заявления: это заявление уже рассматривается или решено',
    en: 'Only a new application can be taken into review: this one is already in review or decided',
  },
  'application.desk.not_in_review': {
    ru: 'Решение принимается только по заявлению на рассмотрении: сначала начните рассмотрение',
    en: 'A decision is made only on an application under review: start the review first',
  },
  'application.desk.check_unmet': {
    ru: 'Эта проверка ещё не пройдена: сначала исправьте то, чего не хватает, затем отметьте её',
    en: 'This check is not met yet: fix what is missing first, then mark it',
  },
  'application.desk.no_email': {
    ru: 'В заявлении нет адреса электронной почты для кода активации: выберите SMS или печать',
    en: 'The application has no e-mail address for the activation code: choose SMS or print',
  },
  'application.desk.no_phone': {
    ru: 'В заявлении нет номера телефона для кода активации: выберите e-mail или печать',
    en: 'The application has no phone number for the activation code: choose e-mail or print',
  },
  'application.desk.consent_required': {
    ru: 'Принять заявление нельзя: у пациента нет действующего согласия на обработку персональных данных',
    en: 'Cannot take the application: the patient has no consent to processing in force',
  },
  'application.desk.patient_deleted': {
    ru: 'Карта пациента удалена или объединена с другой: заявление принимается по действующей карте',
    en: 'The patient’s card was deleted or merged into another: take the application on the card in use',
  },
  'application.desk.not_online': {
    ru: 'Регистратура не подключена к серверу: код активации для печати получить нельзя',
    en: 'The desk is not connected to a server: a printed activation code cannot be obtained',
  },
  'application.desk.unproven': {
    ru: 'Для печати кода войдите заново с ключом или кодом: сервер должен узнать вас',
    en: 'Sign in again with your key or code to print the code: the server must recognise you',
  },
  'application.desk.server_unreachable': {
    ru: 'Сервер недоступен: код активации для печати получить не удалось, попробуйте позже',
    en: 'The server cannot be reached: the printed activation code could not be obtained, try later',
  },
} as const satisfies CodeEntries<'application'>;
