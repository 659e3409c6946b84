import type { healthRu } from './health.ru';
import type { Texts } from './texts';

/** English texts: the desks' health, its thresholds and alerts (issue 15, G5). */
export const healthEn = {
  health: {
    title: 'Desks’ health',
    intro: 'Which desk needs attention: sync, changes waiting, conflicts, disk and backups',
    desks: 'Desks',
    level: { ok: 'OK', amber: 'Attention', red: 'Urgent' },
    column: {
      desk: 'Desk',
      level: 'State',
      reasons: 'What is wrong',
      lastSync: 'Sync',
      outbox: 'Not sent',
      conflicts: 'Conflicts',
      disk: 'Free, MB',
      backup: 'Backup',
      version: 'Version',
    },
    thisDesk: 'this desk',
    unnamed: 'This desk',
    never: 'never',
    allWithin: 'Everything within the thresholds',
    reason: {
      sync: 'No sync for {{value}} min (limit {{limit}})',
      syncNever: 'Never synced',
      outbox: 'Changes not sent: {{value}} (limit {{limit}})',
      conflicts: 'Open conflicts: {{value}} (limit {{limit}})',
      disk: 'Free disk space {{value}} MB (limit {{limit}})',
      backup: 'Backup {{value}} days old (limit {{limit}})',
      backupNever: 'No backup yet',
      drill: 'No restore drill for {{value}} days (limit {{limit}})',
      drillNever: 'No restore drill yet',
    },
    loadFailed: 'Could not get the state',
    attention: 'Need attention: {{waiting}}, urgent: {{overdue}}',
    thresholds: {
      title: 'Thresholds',
      intro: 'Amber: time to look; red: urgent (and the admin is alerted). For the disk: at least',
      defaults: 'The default thresholds apply now',
      amber: 'amber',
      red: 'red',
      save: 'Save thresholds',
      saved: 'Thresholds saved',
      failed: 'Thresholds not saved',
      metric: {
        sync: 'Minutes without sync',
        outbox: 'Changes not sent',
        conflicts: 'Open conflicts',
        disk: 'Free disk space, MB',
        backup: 'Days without a backup',
        drill: 'Days without a restore drill',
      },
    },
  },
} satisfies Texts<typeof healthRu>;
