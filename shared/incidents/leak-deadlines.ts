/**
 * 152-ФЗ (ст. 21 ч. 3.1) on a leak of personal data: notify Роскомнадзор within 24 hours of
 * detecting it, and report the results of the internal investigation within 72 hours. Both clocks
 * run from `detected_at` in plain UTC milliseconds: an hour is an hour, whatever a zone's clock
 * does meanwhile.
 */
const hourMs = 3_600_000;
export const notifyWithinHours = 24;
export const resultsWithinHours = 72;
/** Under this many hours left a clock turns amber. */
export const warnUnderHours = 6;

export interface LeakDeadlines {
  /** ISO instant: the regulator's notice is due by then. */
  notifyBy: string;
  /** ISO instant: the investigation's results are due by then. */
  resultsBy: string;
}

export function leakDeadlines(detectedAt: string): LeakDeadlines {
  const start = instantMs(detectedAt);
  return {
    notifyBy: new Date(start + notifyWithinHours * hourMs).toISOString(),
    resultsBy: new Date(start + resultsWithinHours * hourMs).toISOString(),
  };
}

/** One clock at `now`: done (and when), or the minutes remaining, or overdue by so many minutes. */
export type DeadlineState =
  | { state: 'done'; doneAt: string; late: boolean }
  | { state: 'remaining'; minutes: number; warn: boolean }
  | { state: 'overdue'; minutes: number };

export function deadlineState(due: string, doneAt: string | null, now: string): DeadlineState {
  const dueMs = instantMs(due);
  if (doneAt !== null) return { state: 'done', doneAt, late: instantMs(doneAt) > dueMs };
  const left = dueMs - instantMs(now);
  // Whole minutes, rounded toward the deadline's side: 59 s left is still «0:01», 1 s late «0:01» overdue.
  if (left > 0) {
    const minutes = Math.ceil(left / 60_000);
    return { state: 'remaining', minutes, warn: left < warnUnderHours * hourMs };
  }
  return { state: 'overdue', minutes: Math.max(1, Math.ceil(-left / 60_000)) };
}

export interface LeakClocks {
  notify: DeadlineState & { due: string };
  results: DeadlineState & { due: string };
}

/** Both clocks of a leak at `now`. */
export function leakClocks(
  incident: { detectedAt: string; notifiedAt: string | null; resultsAt: string | null },
  now: string,
): LeakClocks {
  const { notifyBy, resultsBy } = leakDeadlines(incident.detectedAt);
  return {
    notify: { ...deadlineState(notifyBy, incident.notifiedAt, now), due: notifyBy },
    results: { ...deadlineState(resultsBy, incident.resultsAt, now), due: resultsBy },
  };
}

/** Minutes as «hours:minutes» («23:05», «101:00»). */
export function hoursMinutes(minutes: number): string {
  const whole = Math.max(0, Math.trunc(minutes));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** A well-formed ISO instant as `toISOString` writes it (the form every synced time has). */
export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;
}

function instantMs(value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${value}`);
  return ms;
}
