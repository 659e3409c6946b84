/** Russian texts of the desk settings. */
export const settingsRu = {
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
    sync: 'Синхронизация',
    openSync: 'Открыть страницу синхронизации',
    accounts: 'Учётные записи',
    openStaff: 'Сотрудники',
    openAccount: 'Моя учётная запись',
  },
};
