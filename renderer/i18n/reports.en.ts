import type { reportsRu } from './reports.ru';
import type { Texts } from './texts';

/** English texts of the applications report (C6): the same keys as reports.ru.ts. */
export const reportsEn = {
  reports: {
    title: 'Applications report',
    subtitle:
      'How long applications for online access take, where work waits, overdue ones and decisions — from the data synced to this workstation.',
    period: {
      label: 'Period',
      from: 'From',
      to: 'To',
      show: 'Show',
      lastWeeks: 'Last 12 weeks',
      caption: 'Period: {{from}} – {{to}}',
      invalidDate: 'Date as DD.MM.YYYY',
    },
    csv: 'Download CSV',
    csvFailed: 'Could not export the CSV',
    failed: 'Could not build the report',
    empty: 'No applications in this period',
    emptyHint:
      'Choose another period: times, overdue applications and decisions appear here once applications come in.',
    totals: {
      title: 'Totals for the period',
      submitted: 'Submitted',
      decided: 'Decisions',
      activated: 'Activated',
      overdue: 'Overdue',
      median: 'Median processing',
      p90: '90th percentile',
    },
    hours: '{{value}} h',
    noValue: '—',
    processing: {
      title: 'Processing time by week',
      hint: 'From submission to the first decision, by the week of the decision, in hours.',
      median: 'Median, h',
      p90: '90th percentile, h',
      week: 'Week',
      decided: 'First decided',
    },
    stages: {
      title: 'Where work waits',
      hint: 'Hours applications spend in each stage (stages that ended in the period).',
      stage: 'Stage',
      count: 'Cases',
      names: {
        queue: 'In the queue',
        review: 'Under review',
        supply: 'Waiting for the patient to supply',
        activation: 'Waiting for the patient to activate',
      },
    },
    overdue: {
      title: 'Overdue applications by week',
      count: 'Overdue',
    },
    decisions: {
      title: 'Decisions by reason',
      decision: 'Decision',
      count: 'Count',
      names: {
        approved: 'Approved',
        no_identity: 'Denied: identity not confirmed',
        no_consent: 'Denied: no consent to processing',
        legal_restriction: 'Denied: restricted by law',
        confidentiality: 'Denied: breach of confidentiality',
      },
    },
    tableOf: 'Table: {{title}}',
  },
} satisfies Texts<typeof reportsRu>;
