import type { contactsRu } from './contacts.ru';
import type { Texts } from './texts';

/** English texts of the contact data on the patient card (B1): the same keys as contacts.ru.ts. */
export const contactsEn = {
  contacts: {
    edit: 'Change contacts',
    title: 'Change contacts',
    hint: 'Phone, e-mail and address. Names, birth date and documents change only through the document comparison.',
    phone: 'Phone',
    email: 'E-mail',
    address: 'Address',
    save: 'Save',
    cancel: 'Cancel',
    saved: 'Contacts saved',
    unchanged: 'Nothing changed',
    failed: 'The contacts were not saved',
    history: {
      title: 'Contact history',
      empty: 'The contacts have not changed',
      emptyHint: 'Every change of the phone, e-mail or address appears here: the previous value, who and when.',
      tableLabel: 'Contact changes',
      at: 'When',
      field: 'What',
      old: 'Before',
      new: 'After',
      by: 'Changed by',
      none: 'not given',
      failed: 'Could not load the contact history',
    },
  },
} satisfies Texts<typeof contactsRu>;
