import type { CodeEntries } from '../code-entries';

/** The central server (server/): its addresses, limits, configuration and blob key. */
export const serverCodes = {
  'server.not_found': { ru: 'Нет такого адреса на сервере', en: 'No such address on the server' },
  'server.too_large': {
    ru: 'Запрос больше допустимого ({max} байт)',
    en: 'The request is larger than allowed ({max} bytes)',
  },
  'server.rate_limited': {
    ru: 'Слишком много запросов; повторите через {after}',
    en: 'Too many requests; retry in {after}',
  },
  'server.unavailable': { ru: 'Сервер временно недоступен', en: 'The server is temporarily unavailable' },
  'server.data_busy': {
    ru: 'Встроенная база {path} уже открыта другим процессом (pid {pid}); остановите его или используйте PostgreSQL (DATABASE_URL)',
    en: 'The embedded database {path} is open in another process (pid {pid}); stop it or use PostgreSQL (DATABASE_URL)',
  },
  'server.trust_proxy': {
    ru: 'MEDCARD_TRUST_PROXY={value}: укажите число прокси перед сервером или их адреса (через запятую, можно CIDR); «доверять всем» нельзя',
    en: 'MEDCARD_TRUST_PROXY={value}: give the number of proxies in front or their addresses (comma-separated, CIDR allowed); trusting anyone is refused',
  },
  'server.config': { ru: 'Неверная настройка сервера: {name}', en: 'Invalid server setting: {name}' },
  'server.blob_key.missing': {
    ru: 'С PostgreSQL нужен ключ файлов: MEDCARD_SERVER_BLOB_KEY или MEDCARD_SERVER_BLOB_KEY_FILE',
    en: 'With PostgreSQL a blob key is required: MEDCARD_SERVER_BLOB_KEY or MEDCARD_SERVER_BLOB_KEY_FILE',
  },
  'server.blob_key.format': {
    ru: 'Ключ файлов сервера — 64 шестнадцатеричные цифры (256 бит)',
    en: 'The server blob key is 64 hex digits (256 bits)',
  },
  'server.blob_key.wrong': {
    ru: 'Ключ файлов не тот, которым зашифрованы файлы в этой базе',
    en: 'The blob key is not the one the stored files were encrypted with',
  },
} as const satisfies CodeEntries<'server'>;
