/** Russian texts: the product's first language (UX.md). Every visible string has a key here. */
export const ru = {
  app: {
    title: 'Medcard Desk',
    skipToContent: 'Перейти к содержимому',
  },
  nav: {
    label: 'Разделы',
    patients: 'Пациенты',
    applications: 'Заявления',
    appointments: 'Записи',
    audit: 'Аудит',
    settings: 'Настройки',
  },
  search: {
    label: 'Поиск пациента',
    placeholder: 'Фамилия, имя, дата рождения, СНИЛС или телефон',
    shortcut: '/ или F2',
    searching: 'Ищем…',
    noResults: 'Никого не нашли. Проверьте написание или создайте нового пациента',
    failed: 'Поиск не удался: {{message}}',
    failedTitle: 'Поиск не удался',
    openList: 'Показать варианты',
    closeList: 'Скрыть варианты',
    clear: 'Очистить поиск',
  },
  status: {
    label: 'Состояние рабочего места',
    signedIn: 'Пользователь: {{name}} ({{role}})',
    desk: 'Рабочее место: {{name}}',
    sessionLoading: 'Определяем пользователя…',
    sessionFailed: 'Пользователь не определён: {{message}}',
    syncNotConnected: 'Сервер синхронизации не подключён',
    sessionAlertTitle: 'Рабочее место не подключено к своей базе',
    reopenHint:
      'Откройте адрес, который напечатал запуск (npm run start:browser): он заканчивается на #token=…. Вкладка помнит его до закрытия.',
  },
  roles: {
    clerk: 'регистратор',
    doctor: 'врач',
    auditor: 'аудитор',
    admin: 'администратор',
  },
  sex: {
    male: 'Мужской',
    female: 'Женский',
  },
  common: {
    notGiven: 'не указан',
    loading: 'Загрузка…',
    close: 'Закрыть',
  },
  patients: {
    list: {
      title: 'Пациенты',
      create: 'Новый пациент',
      resultsLabel: 'Найденные пациенты',
      startTitle: 'Найдите пациента',
      startHint:
        'Начните вводить фамилию, имя, дату рождения, СНИЛС или телефон в строке поиска вверху (клавиши / или F2). Если пациента нет в картотеке, нажмите «Новый пациент».',
      emptyTitle: 'Никого не нашли по запросу «{{query}}»',
      emptyHint: 'Проверьте написание или уточните запрос. Если пациента нет в картотеке, нажмите «Новый пациент».',
      more: 'Показаны первые {{count}} — уточните запрос, чтобы увидеть остальных',
      columns: {
        name: 'ФИО',
        birthDate: 'Дата рождения',
        snils: 'СНИЛС',
        phone: 'Телефон',
      },
    },
    fields: {
      surname: 'Фамилия',
      name: 'Имя',
      patronymic: 'Отчество',
      birthDate: 'Дата рождения',
      sex: 'Пол',
      snils: 'СНИЛС',
      phone: 'Телефон',
    },
    form: {
      title: 'Новый пациент',
      intro: 'Заполните поля в порядке бумажной анкеты. Обязательные поля отмечены звёздочкой.',
      keyboardHint: 'Enter — следующее поле, Ctrl+Enter — сохранить',
      datePlaceholder: 'ДД.ММ.ГГГГ',
      save: 'Сохранить',
      saving: 'Сохраняем…',
      cancel: 'Отмена',
      failed: 'Пациент не сохранён',
      fixFields: 'Исправьте поля, отмеченные красным, и сохраните ещё раз.',
    },
    card: {
      loadFailed: 'Карту открыть не удалось',
      created: 'Пациент сохранён в картотеке',
      age_one: '{{count}} год',
      age_few: '{{count}} года',
      age_many: '{{count}} лет',
      age_other: '{{count}} года',
      born: 'дата рождения {{date}}',
      tabsLabel: 'Разделы карты',
      tabs: {
        personal: 'Личные данные',
        accessLog: 'Журнал доступа',
      },
      record: {
        createdAt: 'Карта создана',
        updatedAt: 'Последнее изменение',
        updatedBy: 'Кем изменена',
      },
      accessLog: {
        title: 'Кто открывал и менял карту',
        empty: 'Записей пока нет. Здесь появится каждый просмотр и изменение карты.',
        failed: 'Журнал доступа не загружен',
        columns: {
          at: 'Время',
          action: 'Действие',
          actor: 'Кто',
          role: 'Роль',
          device: 'Рабочее место',
        },
        actions: {
          create: 'Создание карты',
          read: 'Просмотр карты',
          search: 'Показ в поиске',
          accessLogRead: 'Просмотр журнала доступа',
        },
      },
    },
  },
  later: {
    title: 'Раздел «{{section}}» появится в следующем выпуске',
    body: 'Пока этот раздел не готов. Работайте с пациентами: найдите их через строку поиска (/ или F2) или создайте нового.',
    toPatients: 'Перейти к пациентам',
  },
  settings: {
    title: 'Настройки',
    language: 'Язык интерфейса',
    languageHint: 'Выбор сохраняется на этом рабочем месте.',
    languages: {
      ru: 'Русский',
      en: 'English',
    },
    desk: 'Рабочее место',
    deskName: 'Название рабочего места',
    deskUnknown: 'не определено',
  },
  notFound: {
    title: 'Такой страницы нет',
    body: 'Возможно, ссылка устарела. Вернитесь к пациентам.',
    back: 'К пациентам',
  },
};

/** The shape every language must fill: the same keys, any strings. */
export type Translation = typeof ru;
