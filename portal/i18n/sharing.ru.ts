import type { shareConsentChannels, shareScopes } from '../../shared/chart/sharing';

/** Sharing the record with another specialist only with consent (D6). */
export const sharingRu = {
  sharing: {
    title: 'Передача карты другим врачам',
    intro:
      'Поликлиника передаёт вашу карту или отдельные записи другому специалисту только с вашего согласия: кому, что и до какого дня. Согласие можно отозвать в любой момент.',
    toCards: 'К записям карты',
    loading: 'Загружаем согласия…',
    consents: 'Мои согласия',
    noConsents: 'Вы ещё не давали согласия на передачу карты.',
    give: 'Дать согласие на передачу',
    formTitle: 'Новое согласие',
    recipient: 'Кому',
    name: 'ФИО специалиста',
    organisation: 'Организация',
    specialty: 'Специальность (по желанию)',
    email: 'Электронная почта специалиста',
    emailHelp: 'Куда поликлиника отправит карту',
    scope: 'Что передавать',
    scopes: { whole_record: 'Всю карту', entries: 'Только выбранные записи' } satisfies Record<
      (typeof shareScopes)[number],
      string
    >,
    chooseEntries: 'Выберите записи',
    chosenCount: 'Выбрано записей: {{count}}',
    needEntries: 'Выберите хотя бы одну запись',
    validUntil: 'Действует до (включительно)',
    validUntilHelp: 'Оставьте пустым — согласие действует до отзыва',
    save: 'Дать согласие',
    cancel: 'Отмена',
    saved: 'Согласие дано: {{name}}.',
    consentHeading: '{{name}}, {{organisation}}',
    wholeRecord: 'Вся карта',
    entriesCount: 'Записей: {{count}}',
    untilRevoked: 'До отзыва',
    until: 'До {{date}} включительно',
    givenAt: 'Дано {{date}} {{via}}',
    via: { desk: 'в регистратуре', cabinet: 'в кабинете' } satisfies Record<
      (typeof shareConsentChannels)[number],
      string
    >,
    active: 'Действует',
    expired: 'Срок истёк',
    revokedState: 'Отозвано',
    revoked: 'Отозвано {{date}}. Причина: {{reason}}',
    revoke: 'Отозвать согласие',
    revokeReason: 'Причина отзыва',
    revokeConfirm: 'Отозвать',
    shares: 'Кому и когда передано',
    noShares: 'Карта никому не передавалась.',
    sharedAt: '{{date}}: {{name}}, {{organisation}}',
    sharedBy: 'Передал(а): {{name}}',
  },
};
