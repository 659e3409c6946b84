import type { Texts } from './texts';
import type { frameRu } from './frame.ru';

/**
 * English texts of the frame every screen sits in: top bar, rail, status bar, shared words: the same
 * keys as frame.ru.ts.
 */
export const frameEn = {
  app: {
    title: 'Medcard Desk',
    skipToContent: 'Skip to content',
  },
  nav: {
    label: 'Sections',
    patients: 'Patients',
    verification: 'Verification queue',
    applications: 'Applications',
    recordRequests: 'Record requests',
    chartReports: 'Chart inaccuracies',
    appointments: 'Appointments',
    myDay: 'My day',
    schedules: 'Schedule setup',
    incidents: 'Incidents',
    audit: 'Audit',
    staff: 'Staff',
    health: 'Desks’ health',
    settings: 'Settings',
    account: 'My account',
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
    conflicts: 'Conflicts: {{count, number}}',
    lock: 'Lock',
    lockShortcut: 'Lock the desk (Ctrl+L)',
    hostProblemTitle: 'The desk did not open',
    sessionAlertTitle: 'This desk is not connected to its database',
    reopenHint:
      'Open the address printed at start-up (npm run start:browser): it ends in #token=…. The tab remembers it until it is closed.',
  },
  actor: {
    setup: 'Desk setup account',
    unknown: 'staff member {{id}}…',
  },
  roles: {
    clerk: 'front desk clerk',
    senior_clerk: 'senior front desk clerk',
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
    cancel: 'Cancel',
    yes: 'yes',
    no: 'no',
  },
  notFound: {
    title: 'No such page',
    body: 'The link may be out of date. Go back to patients.',
    back: 'To patients',
  },
} satisfies Texts<typeof frameRu>;
