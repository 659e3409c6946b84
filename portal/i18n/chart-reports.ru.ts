import type { inaccuracyKinds, ReportStatus } from '../../shared/chart/inaccuracy';

/** Inaccuracy reports (D4, seed §6.3): what the patient sends and what the clinic answers. */
export const chartReportsRu = {
  reports: {
    title: 'Сообщения о неточностях',
    intro:
      'Если в записи врача что-то неверно, сообщите об этом из самой записи. Поликлиника ответит в срок: исправит запись или объяснит, почему оставляет её как есть.',
    none: 'Вы ещё не сообщали о неточностях.',
    loading: 'Загружаем сообщения…',
    toCards: 'К записям карты',
    formTitle: 'Сообщить о неточности',
    whatWrong: 'Что неверно',
    text: 'Опишите, что не так и как должно быть',
    textHelp: 'От 10 до 4000 знаков',
    send: 'Отправить',
    cancel: 'Отмена',
    sending: 'Отправляем…',
    kinds: {
      wrong_fact: 'Неверные сведения',
      wrong_date: 'Неверная дата',
      wrong_code: 'Неверный диагноз или код',
      not_mine: 'Это не моя запись',
      missing: 'Чего-то не хватает',
      other: 'Другое',
    } satisfies Record<(typeof inaccuracyKinds)[number], string>,
    statuses: {
      open: 'На рассмотрении',
      accepted: 'Принято: запись исправлена',
      declined: 'Отклонено',
    } satisfies Record<ReportStatus, string>,
    sent: 'Сообщение отправлено. Поликлиника ответит до {{date}}.',
    heading: '{{kind}} — {{status}}',
    submitted: 'Отправлено {{date}}',
    due: 'Ответ до {{date}}',
    overdue: 'Срок ответа прошёл ({{date}}), а поликлиника ещё не ответила',
    decided: 'Решение принято {{date}}{{by}}',
    by: ', {{name}}',
    yourText: 'Ваш текст',
    declineReason: 'Причина отказа',
    amendment: 'Запись исправлена: версия {{revision}}.',
    openEntry: 'Открыть запись',
    disagreementAttach: 'Приложить заявление о несогласии',
    disagreementIntro: 'Заявление останется в карте рядом с записью; приложить его можно один раз.',
    disagreementText: 'Заявление о несогласии',
    disagreementSend: 'Приложить заявление',
    disagreement: 'Ваше заявление о несогласии ({{date}})',
  },
};
