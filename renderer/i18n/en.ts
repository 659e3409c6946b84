import type { Translation } from './ru';

/** English texts: the same keys as ru.ts. */
export const en: Translation = {
  app: {
    title: 'Medcard Desk',
    skipToContent: 'Skip to content',
  },
  nav: {
    label: 'Sections',
    patients: 'Patients',
    applications: 'Applications',
    appointments: 'Appointments',
    audit: 'Audit',
    settings: 'Settings',
  },
  search: {
    label: 'Find a patient',
    placeholder: 'Surname, name, birth date, SNILS or phone',
    shortcut: '/ or F2',
    searching: 'Searching…',
    noResults: 'Nobody found. Check the spelling or create a new patient',
    failed: 'Search failed: {{message}}',
    failedTitle: 'The search failed',
    openList: 'Show matches',
    closeList: 'Hide matches',
    clear: 'Clear search',
  },
  status: {
    label: 'Workstation status',
    signedIn: 'Signed in: {{name}} ({{role}})',
    desk: 'Desk: {{name}}',
    sessionLoading: 'Identifying the user…',
    sessionFailed: 'User unknown: {{message}}',
    syncNotConnected: 'No sync server connected',
    sessionAlertTitle: 'This desk is not connected to its database',
    reopenHint:
      'Open the address printed at start-up (npm run start:browser): it ends in #token=…. The tab remembers it until it is closed.',
  },
  roles: {
    clerk: 'front desk clerk',
    doctor: 'doctor',
    auditor: 'auditor',
    admin: 'administrator',
  },
  sex: {
    male: 'Male',
    female: 'Female',
  },
  common: {
    notGiven: 'not given',
    loading: 'Loading…',
    close: 'Close',
  },
  patients: {
    list: {
      title: 'Patients',
      create: 'New patient',
      resultsLabel: 'Patients found',
      startTitle: 'Find a patient',
      startHint:
        'Start typing a surname, name, birth date, SNILS or phone in the search box at the top (keys / or F2). If the patient is not registered yet, press “New patient”.',
      emptyTitle: 'Nobody found for “{{query}}”',
      emptyHint: 'Check the spelling or refine the query. If the patient is not registered yet, press “New patient”.',
      more: 'Showing the first {{count}} — refine the query to see the rest',
      columns: {
        name: 'Full name',
        birthDate: 'Birth date',
        snils: 'SNILS',
        phone: 'Phone',
      },
    },
    fields: {
      surname: 'Surname',
      name: 'Name',
      patronymic: 'Patronymic',
      birthDate: 'Birth date',
      sex: 'Sex',
      snils: 'SNILS',
      phone: 'Phone',
    },
    form: {
      title: 'New patient',
      intro: 'Fill the fields in the order of the paper form. Required fields are marked with an asterisk.',
      keyboardHint: 'Enter — next field, Ctrl+Enter — save',
      datePlaceholder: 'DD.MM.YYYY',
      save: 'Save',
      saving: 'Saving…',
      cancel: 'Cancel',
      failed: 'The patient was not saved',
      fixFields: 'Correct the fields marked in red and save again.',
    },
    card: {
      loadFailed: 'The record could not be opened',
      created: 'The patient is registered',
      age_one: '{{count}} year',
      // English has two plural forms; the Russian-only forms repeat "other".
      age_few: '{{count}} years',
      age_many: '{{count}} years',
      age_other: '{{count}} years',
      born: 'born {{date}}',
      tabsLabel: 'Record sections',
      tabs: {
        personal: 'Personal data',
        accessLog: 'Access log',
      },
      record: {
        createdAt: 'Record created',
        updatedAt: 'Last changed',
        updatedBy: 'Changed by',
      },
      accessLog: {
        title: 'Who opened and changed the record',
        empty: 'No entries yet. Every view and change of the record will appear here.',
        failed: 'The access log did not load',
        columns: {
          at: 'Time',
          action: 'Action',
          actor: 'Who',
          role: 'Role',
          device: 'Desk',
        },
        actions: {
          create: 'Record created',
          read: 'Record viewed',
          search: 'Shown in search',
          accessLogRead: 'Access log viewed',
        },
      },
    },
  },
  later: {
    title: 'The “{{section}}” section comes in a later release',
    body: 'This section is not ready yet. Work with patients meanwhile: find them with the search box (/ or F2) or create a new one.',
    toPatients: 'Go to patients',
  },
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
  },
  notFound: {
    title: 'No such page',
    body: 'The link may be out of date. Go back to patients.',
    back: 'To patients',
  },
};
