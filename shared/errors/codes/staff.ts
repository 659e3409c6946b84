import type { CodeEntries } from '../code-entries';

/** Staff accounts: logins, deactivation, the last administrator. */
export const staffCodes = {
  'staff.login.format': {
    ru: 'Логин — от 3 до 64 латинских букв, цифр, точек, дефисов и подчёркиваний; начинается с буквы или цифры',
    en: 'A login is 3 to 64 Latin letters, digits, dots, hyphens and underscores, starting with a letter or digit',
  },
  'staff.login.taken': { ru: 'Такой логин уже занят', en: 'This login is already taken' },
  'staff.not_found': { ru: 'Сотрудник не найден', en: 'Staff member not found' },
  'staff.inactive': { ru: 'Учётная запись сотрудника отключена', en: 'The staff account is deactivated' },
  'staff.last_admin': {
    ru: 'Нельзя отключить последнего действующего администратора',
    en: 'The last active administrator cannot be deactivated',
  },
} as const satisfies CodeEntries<'staff'>;
