import type { chartAccessRu } from './chart-access.ru';
import type { Texts } from './texts';

/** English texts: restricted records and break-the-glass (issue 14). */
export const chartAccessEn = {
  chartAccess: {
    title: 'Restrictions and emergency access',
    reasons: {
      harm: "Harm to the patient's health",
      court_order: 'Court order',
    },
    emergencyReasons: {
      life_threat: 'Threat to life',
      unconscious: 'Patient unconscious',
      urgent_care: 'Urgent care',
      team_unavailable: 'Treating team unavailable',
      other: 'Other',
    },
    outside: {
      title: "You are not in the patient's treating team",
      hint: 'The chart is read by the treating doctors. In an emergency, open it with emergency access: a reason, a key touch, an auditor’s review.',
      action: 'Emergency access…',
    },
    banner: {
      text: 'Emergency access until {{until}} — reason: {{reason}}',
      entry: 'Emergency access to an entry until {{until}} — reason: {{reason}}',
    },
    mark: {
      restricted: 'restricted',
      whole: 'Access to the chart is restricted: {{reason}} ({{basis}})',
      entry: 'The entry is restricted: {{reason}} ({{basis}})',
    },
    breakGlass: {
      title: 'Emergency access to the chart',
      intro:
        'Access opens for {{hours}} h. Every read is marked in the log; an auditor reviews whether it was justified.',
      reason: 'Reason',
      text: 'Describe the situation',
      textHint: '10 to 1000 characters',
      confirm: 'Confirm with a key touch',
      cancel: 'Cancel',
      failed: 'Emergency access was not opened',
    },
    restrict: {
      open: 'Restrict access…',
      openWhole: 'Restrict the whole chart…',
      title: 'Restrict access',
      titleEntry: 'Restrict access to the entry',
      intro: 'Restricted information is hidden from the patient’s cabinet and from staff outside the treating team.',
      reason: 'Ground',
      basis: 'Basis document',
      basisHint: 'For example: “Court decision No. 2-123/2026 of 01.12.2026” or “Medical board protocol No. 14”',
      note: 'Note',
      save: 'Restrict',
      cancel: 'Cancel',
      failed: 'The restriction was not saved',
    },
    lift: {
      open: 'Lift the restriction…',
      title: 'Lift the restriction',
      reason: 'Why the restriction is lifted',
      save: 'Lift',
      cancel: 'Cancel',
      failed: 'The restriction was not lifted',
    },
    reviews: {
      tab: 'Emergency access',
      pending: 'Waiting for review: {{count}}',
      filter: {
        label: 'Which to show',
        pending: 'Waiting',
        reviewed: 'Reviewed',
        all: 'All',
      },
      columns: {
        when: 'When',
        who: 'Who',
        patient: 'Patient',
        reason: 'Reason',
        reads: 'Reads',
        verdict: 'Verdict',
      },
      until: 'until {{until}}',
      entryOnly: 'one entry',
      unknownPatient: 'The card has not reached this desk yet',
      verdicts: {
        justified: 'Justified',
        unjustified: 'Unjustified',
      },
      note: 'Auditor’s note',
      noteHint: 'Required for an “unjustified” verdict',
      decide: 'Review',
      save: 'Save the verdict',
      cancel: 'Cancel',
      empty: 'No emergency access',
      emptyHint: 'Cases of emergency access to charts appear here for review.',
      loadFailed: 'The list did not load',
      failed: 'The verdict was not saved',
      reviewedBy: '{{name}}, {{at}}',
    },
  },
} satisfies Texts<typeof chartAccessRu>;
