import type { Texts } from './texts';
import type { auditRu } from './audit.ru';

/** English texts of the audit log and merge reviews: the same keys as audit.ru.ts. */
export const auditEn = {
  auditLog: {
    title: 'Audit log',
    subtitle:
      'Who accessed data, when and from which workstation; the log only grows and is protected by a hash chain.',
    views: {
      label: 'Which events to show',
      all: 'All',
      alerts: 'Alerts',
      signIn: 'Sign-in attempts',
      merges: 'Record merges',
    },
    merges: {
      tableLabel: 'Record merges',
      columns: {
        at: 'Time',
        actor: 'Merged by',
        survivor: 'Record kept',
        merged: 'Record merged',
        moved: 'Moved',
        reason: 'Reason',
      },
      unknownCard: 'record not on this desk',
      scans: 'scans: {{count}}',
      nothingMoved: 'nothing',
      empty: 'No records have been merged',
      emptyHint: 'Every merge of duplicate records appears here: both records, who merged them and why.',
    },
    tableLabel: 'Audit log events',
    columns: { at: 'Time', action: 'Event', actor: 'Who', device: 'Workstation', details: 'Details' },
    more: 'Show more',
    empty: 'No such events',
    emptyHint:
      'Alerts appear when one workstation fails many sign-ins under different logins, or on sign-ins at night.',
    loadFailed: 'The log did not load',
    verify: 'Verify the chain',
    verifyOk: 'The chain is intact: {{events}} events verified',
    verifyBroken: 'The chain is broken at event no. {{seq}} ({{reason}}); {{events}} events before it verify',
    verifyFailed: 'The check did not run',
    triggersMissing: 'The log’s protection against changes (its triggers) was removed from this desk’s database',
    anchor: {
      anchored: 'The server’s copy agrees: {{server}} events on the server, {{local}} on this desk',
      tail_cut: 'The log was cut short: the server holds {{server}} events, this desk {{local}}',
      rewritten: 'The log was rewritten: from event no. {{seq}} on it differs from the server’s copy',
      not_anchored: 'The server has no copy yet: the log was checked on this desk only',
      not_enrolled: 'This desk is not connected to a server: the log was checked on it only',
      unreachable: 'The server is unreachable: the log was checked on this desk only',
    },
    clinicWide: 'Events of every desk of the clinic (from the server)',
    filters: {
      label: 'Filter events',
      patientId: 'Patient (id)',
      actor: 'Person',
      device: 'Workstation',
      action: 'Event',
      from: 'From',
      to: 'To',
      apply: 'Show',
      clear: 'Clear',
    },
  },
} satisfies Texts<typeof auditRu>;
