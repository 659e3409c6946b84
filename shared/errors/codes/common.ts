import type { CodeEntries } from '../code-entries';

/** Generic input rules (schema level), API and access: codes every feature may answer with. */
export const commonCodes = {
  'input.required': { ru: 'Поле обязательно для заполнения', en: 'This field is required' },
  'input.type': { ru: 'Неверный тип значения', en: 'The value has the wrong type' },
  'input.too_long': { ru: 'Не длиннее {max} символов', en: 'At most {max} characters' },
  'input.too_short': { ru: 'Не короче {min} символов', en: 'At least {min} characters' },
  'input.too_big': { ru: 'Не больше {max}', en: 'At most {max}' },
  'input.too_small': { ru: 'Не меньше {min}', en: 'At least {min}' },
  'input.format': { ru: 'Неверный формат', en: 'Invalid format' },
  'input.enum': { ru: 'Недопустимое значение', en: 'Value not allowed' },
  'input.unknown_field': { ru: 'Лишнее поле: {keys}', en: 'Unknown field: {keys}' },
  'input.invalid': { ru: 'Данные не прошли проверку', en: 'The data did not pass validation' },
  'input.control_chars': { ru: 'Недопустимые управляющие символы', en: 'Control characters are not allowed' },
  'api.unknown_call': { ru: 'Неизвестная операция «{name}»', en: 'Unknown operation “{name}”' },
  'api.bad_request': { ru: 'Некорректный запрос', en: 'Malformed request' },
  'api.internal': {
    ru: 'Внутренняя ошибка. Сообщите в поддержку код ошибки',
    en: 'Internal error. Report the error code to support',
  },
  forbidden: { ru: 'Недостаточно прав для этой операции', en: 'You are not allowed to do this' },
} as const satisfies CodeEntries<'input' | 'api', 'forbidden'>;
