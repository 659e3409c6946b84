import type { exportsRu } from './exports.ru';
import type { Texts } from './texts';

/** English texts: exports of a record (issue 14). */
export const exportsEn = {
  exports: {
    title: 'Medical record extract',
    button: 'Extract',
    failed: 'The extract was not made',
    format: 'Format',
    formats: { pdf: 'PDF', fhir: 'FHIR (HL7)', semd: 'СЭМД (XML)' },
    sections: 'Sections',
    materials: {
      encounters: 'Visits',
      diagnoses: 'Diagnoses',
      procedures: 'Procedures',
      prescriptions: 'Prescriptions',
      allergies: 'Allergies',
      observations: 'Results',
      documents: 'Documents',
    },
    allWhenNone: 'With no section chosen, the whole record is exported.',
    from: 'From',
    to: 'To',
    progress: 'Export progress',
    states: {
      running: 'Entries done: {{done}} of {{total}}',
      done: 'Ready: {{total}} entries',
      failed: 'The export failed',
      cancelled: 'The export was cancelled; no file was made',
    },
    withheld: 'Some information is restricted and not included ({{count}} entries); the file says so.',
    start: 'Make',
    cancel: 'Cancel',
    close: 'Close',
    print: 'Print',
    save: 'Save',
  },
} satisfies Texts<typeof exportsRu>;
