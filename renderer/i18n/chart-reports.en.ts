import type { Texts } from './texts';
import type { chartReportsRu } from './chart-reports.ru';

/** English texts of chart-reports (issue 12): the reviewer queue of patients' inaccuracy reports. */
export const chartReportsEn = {
  chartReports: {
    title: 'Inaccuracy reports',
    subtitle: 'Patients report inaccuracies in chart entries: amend the entry or decline with a reason',
    open: 'waiting for an answer: {{count}}',
    overdueCount: 'overdue: {{count}}',
    statusFilter: 'Which reports to show',
    statuses: { open: 'Waiting', accepted: 'Accepted', declined: 'Declined' },
    tableLabel: 'Inaccuracy reports: arrows select, Enter opens',
    columns: {
      patient: 'Patient',
      entry: 'Entry',
      kind: 'What is wrong',
      text: 'Patient’s words',
      due: 'Answer by',
      status: 'State',
    },
    patientNotSynced: 'The card has not reached this desk yet',
    entryNotSynced: 'The entry has not reached this desk yet',
    due: {
      overdue: 'overdue since {{day}}',
      today: 'today is the last day',
      left: 'by {{day}}',
      closed: 'was due {{day}}',
    },
    loadFailed: 'Could not load the reports',
    emptyTitle: 'No reports',
    emptyOpen: 'Every patient report has been answered',
    emptyClosed: 'Decided reports will appear here',
    pick: 'Choose a report in the list to review it',
    panel: {
      title: 'Inaccuracy report',
      close: 'Close the report',
      entry: 'The entry it is about',
      entryFailed: 'Could not open the entry',
      report: 'What the patient reported',
      versions: 'Previous versions ({{count}})',
      amended: 'The entry has been amended: revision {{revision}}',
      deleted: 'The entry was removed: the report can only be declined with an explanation',
      accept: 'Amend the entry',
      acceptHint: 'The amendment is kept with its reason and the previous version; the report is accepted',
      decline: 'Decline',
      decided: 'Decided — the patient sees the answer in the cabinet',
    },
    declineDialog: {
      title: 'Decline the correction',
      intro:
        'Explain to the patient why the entry is right: they read the reason in the cabinet and may attach a statement of disagreement to the entry.',
      reason: 'Reason for declining (at least 10 characters)',
      submit: 'Decline',
      failed: 'The decline was not saved',
    },
  },
} satisfies Texts<typeof chartReportsRu>;
