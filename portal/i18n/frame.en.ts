import type { frameRu } from './frame.ru';
import type { Texts } from './texts';

export const frameEn = {
  app: {
    title: 'Patient cabinet',
    clinic: 'Clinic',
    skipToContent: 'Skip to content',
    loading: 'Loading…',
    language: 'Language',
    languageName: { ru: 'Русский', en: 'English' },
    theme: 'Appearance',
    themeName: { system: 'As the system', light: 'Light', dark: 'Dark' },
    menu: 'Menu',
    signOut: 'Sign out',
    back: 'Back',
    notFound: 'There is no such page',
    toStart: 'To the start',
    codeForSupport: 'Code for support: {{code}}',
    unexpected: 'Something went wrong. Try again; if it fails again, call the front desk.',
    offline: 'The server cannot be reached. Check the internet connection and try again.',
  },
  nav: {
    cards: 'My records',
    appointments: 'Appointments',
    documents: 'Documents',
    settings: 'Settings',
    representation: 'Representation',
    home: 'Cabinet',
  },
} satisfies Texts<typeof frameRu>;
