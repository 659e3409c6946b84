/** A backup file as rotation sees it. */
export interface RotatedBackup {
  name: string;
  createdAt: Date;
}

const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** The Monday (UTC) of the ISO week `at` falls in: backups of one week share it. */
function weekOf(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return dayOf(day);
}

/**
 * Which backups to keep: the newest of each of the last `keepDaily` days that have one, the
 * newest of each of the last `keepWeekly` weeks that have one, and always the newest of all
 * (the caller passes only verified backups). The rest may be deleted.
 */
export function backupsToKeep(backups: RotatedBackup[], keep: { keepDaily: number; keepWeekly: number }): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const kept = new Set<string>();
  const pick = (bucket: (at: Date) => string, count: number) => {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      const key = bucket(backup.createdAt);
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      kept.add(backup.name);
    }
  };
  pick(dayOf, keep.keepDaily);
  pick(weekOf, keep.keepWeekly);
  if (newestFirst[0]) kept.add(newestFirst[0].name);
  return kept;
}
