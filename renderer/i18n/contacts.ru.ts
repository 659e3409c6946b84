/** Russian texts of the contact data on the patient card (B1): the change dialog and its history. */
export const contactsRu = {
  contacts: {
    edit: 'Изменить контакты',
    title: 'Изменить контакты',
    hint: 'Телефон, e-mail и адрес. ФИО, дата рождения и документы меняются только сверкой с документом.',
    phone: 'Телефон',
    email: 'E-mail',
    address: 'Адрес',
    save: 'Сохранить',
    cancel: 'Отмена',
    saved: 'Контакты сохранены',
    unchanged: 'Ничего не изменилось',
    failed: 'Контакты не сохранены',
    history: {
      title: 'История контактов',
      empty: 'Контакты не менялись',
      emptyHint: 'Каждое изменение телефона, e-mail или адреса появится здесь: прежнее значение, кто и когда.',
      tableLabel: 'История изменений контактов',
      at: 'Когда',
      field: 'Что',
      old: 'Было',
      new: 'Стало',
      by: 'Кто изменил',
      none: 'не указано',
      failed: 'Не удалось загрузить историю контактов',
    },
  },
};
