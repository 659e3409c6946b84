import type { Texts } from './texts';
import type { verificationRu } from './verification.ru';

/** English texts of the identity-verification queue and online access: the same keys as verification.ru.ts. */
export const verificationEn = {
  verification: {
    title: 'Identity verification queue',
    subtitle:
      'Patients who failed to confirm their identity on the portal three times. Check their original documents and online access opens.',
    waiting: 'waiting for a check: {{count}}',
    tableLabel: 'Patients waiting for a document check',
    columns: {
      name: 'Patient',
      birthDate: 'Date of birth',
      snils: 'SNILS',
      attempts: 'Failed attempts',
      lockedAt: 'Locked',
      action: 'Check',
    },
    verify: 'Check documents',
    verifyFor: 'Check documents: {{name}}',
    emptyTitle: 'Nobody is waiting for a check',
    emptyHint: 'A patient appears here after failing to confirm their identity on the portal three times in a row.',
    loadFailed: 'The queue was not loaded',
    status: {
      none: 'Identity not confirmed online',
      confirmed_online: 'Identity confirmed online',
      locked: 'Online confirmation locked',
      verified_in_person: 'Identity verified at the front desk',
    },
    dialog: {
      title: 'Identity check: {{name}}',
      intro:
        'Ask for the original documents, compare the photo with the patient and the data with the card. Tick the documents you held in your hands.',
      documentsLegend: 'Originals checked',
      noCardDocuments: 'The card has no identity documents in force: enter the document you checked below.',
      otherType: 'Document type',
      otherNumber: 'Series and number',
      addOther: 'Add document',
      typed: 'entered by hand',
      scan: 'Scan a document',
      scansCount: 'Scans attached: {{count}}',
      scanLabel: 'Scan {{index}}',
      note: 'Note',
      originals: 'I checked the originals in person; the photo matches the patient',
      checkedBy: 'Checked by: {{name}}',
      shortcut: 'Ctrl+Enter to confirm',
      submit: 'Confirm identity',
      failed: 'Identity not confirmed',
      done: 'The identity of {{name}} is confirmed. Online access opens once the desk has synced with the server.',
    },
    tab: {
      title: 'Identity confirmation for online access',
      failedAttempts: 'Failed attempts in a row',
      lockedAt: 'Locked',
      verifiedAt: 'Verified at the front desk',
      verifiedBy: 'Checked by',
      documentsSeen: 'Documents checked',
      note: 'Note',
      scans: 'Scans of the documents checked',
      lockedHint:
        'The patient failed to confirm their identity online three times and waits for the front desk to check the original documents.',
      noneHint: 'The patient has not tried to confirm their identity on the portal yet.',
      loadFailed: 'The online access state was not loaded',
    },
  },
} satisfies Texts<typeof verificationRu>;
