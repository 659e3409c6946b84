import type { Texts } from './texts';
import type { settingsRu } from './settings.ru';

/** English texts of the desk settings: the same keys as settings.ru.ts. */
export const settingsEn = {
  settings: {
    title: 'Settings',
    language: 'Interface language',
    languageHint: 'The choice is kept on this workstation.',
    languages: {
      ru: 'Русский',
      en: 'English',
    },
    desk: 'Workstation',
    deskName: 'Desk name',
    deskUnknown: 'unknown',
    sync: 'Synchronisation',
    openSync: 'Open the sync page',
    accounts: 'Accounts',
    openStaff: 'Staff',
    openAccount: 'My account',
  },
} satisfies Texts<typeof settingsRu>;
