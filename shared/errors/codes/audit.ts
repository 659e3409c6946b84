import type { CodeEntries } from '../code-entries';

/**
 * The audit anchored off the desk (issue 10, item 3): the server's refusals of a desk's chain,
 * and what the desk's check of its chain against the server's copy finds.
 */
export const auditCodes = {
  'audit.chain.gap': {
    ru: 'В цепочке аудита пропуск: сервер ждёт событие № {expected}, пришло № {seq}',
    en: 'The audit chain has a gap: the server expects event #{expected}, event #{seq} came',
  },
  'audit.chain.fork': {
    ru: 'Цепочка аудита расходится с копией на сервере на событии № {seq}',
    en: 'The audit chain differs from the server’s copy at event #{seq}',
  },
  'audit.chain.bad_hash': {
    ru: 'Хеш события аудита № {seq} не совпадает с его содержимым',
    en: 'The hash of audit event #{seq} does not match its content',
  },
  'audit.chain.tail_cut': {
    ru: 'Журнал аудита укорочен: на сервере событий — {server}, на рабочем месте — {local}',
    en: 'The audit log was cut short: the server holds {server} events, this desk {local}',
  },
  'audit.chain.rewritten': {
    ru: 'Журнал аудита переписан: событие № {seq} отличается от копии на сервере',
    en: 'The audit log was rewritten: event #{seq} differs from the server’s copy',
  },
  'audit.server.unreachable': {
    ru: 'Сервер недоступен: показаны события только этого рабочего места',
    en: 'The server is unreachable: only this desk’s events are shown',
  },
  'audit.server.not_enrolled': {
    ru: 'Рабочее место не подключено к серверу: показаны события только этого рабочего места',
    en: 'This desk is not connected to a server: only its own events are shown',
  },
} as const satisfies CodeEntries<'audit'>;
