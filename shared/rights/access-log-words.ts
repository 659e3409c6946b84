import type { AccessKind, AccessSection } from './access-log';

/**
 * The access log's words (F2) for both the desk's tab and the cabinet's screen, which keep
 * separate text bundles: what each kind of access and each section is called, the count of
 * grouped reads (plural forms), an unknown action. Each bundle spreads them into its `accessLog`.
 */
interface AccessLogWords {
  times_one: string;
  times_few: string;
  times_many: string;
  times_other: string;
  otherAction: string;
  kinds: Record<AccessKind, string>;
  sections: Record<AccessSection, string>;
}

export const accessLogWordsRu = {
  times_one: '{{count}} раз',
  times_few: '{{count}} раза',
  times_many: '{{count}} раз',
  times_other: '{{count}} раза',
  otherAction: 'Другое действие ({{code}})',
  kinds: {
    opened: 'Открыл(а) карту',
    read: 'Просмотр',
    changed: 'Изменение',
    printed: 'Печать',
    exported: 'Выгрузка копии записей',
    shared: 'Передача записей',
    emergency: 'Экстренный доступ к карте',
    restricted: 'Решение об ограничении доступа',
    reviewed: 'Проверка экстренного доступа аудитором',
    listed: 'Показ в поиске или списке',
    other: 'Другое действие',
  },
  sections: {
    card: 'карта',
    contacts: 'контакты',
    chart: 'медицинские записи',
    documents: 'документы',
    scans: 'сканы',
    consents: 'согласия',
    proxies: 'доверенные лица',
    identity: 'подтверждение личности',
    appointments: 'записи на приём',
    applications: 'заявления',
    record_requests: 'запросы копий',
    access_log: 'журнал доступа',
  },
} satisfies AccessLogWords;

export const accessLogWordsEn = {
  times_one: '{{count}} time',
  times_few: '{{count}} times',
  times_many: '{{count}} times',
  times_other: '{{count}} times',
  otherAction: 'Other action ({{code}})',
  kinds: {
    opened: 'Opened the card',
    read: 'Viewed',
    changed: 'Changed',
    printed: 'Printed',
    exported: 'Exported a copy of the records',
    shared: 'Shared the records',
    emergency: 'Emergency access to the card',
    restricted: 'Access restriction decided',
    reviewed: 'Emergency access reviewed by the auditor',
    listed: 'Shown in search or a list',
    other: 'Other action',
  },
  sections: {
    card: 'card',
    contacts: 'contacts',
    chart: 'medical entries',
    documents: 'documents',
    scans: 'scans',
    consents: 'consents',
    proxies: 'trusted persons',
    identity: 'identity check',
    appointments: 'appointments',
    applications: 'applications',
    record_requests: 'record requests',
    access_log: 'access log',
  },
} satisfies AccessLogWords;
