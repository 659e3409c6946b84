const moscow = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

interface MoscowParts {
  day: string;
  time: string;
}

function moscowParts(date: Date): MoscowParts {
  const parts = moscow.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: `${part('day')}.${part('month')}.${part('year')}`, time: `${part('hour')}:${part('minute')}` };
}

function parseInstant(instant: string): Date | null {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An instant as `25.11.2026 14:05`, Moscow time (UX.md), in every interface language. */
export function formatDateTime(instant: string): string {
  const date = parseInstant(instant);
  if (!date) return instant;
  const { day, time } = moscowParts(date);
  return `${day} ${time}`;
}

/**
 * `14:05` when the instant is on the same Moscow day as `now`, else `24.11.2026 14:05`: a bare
 * time from yesterday would read as today's.
 */
export function formatClock(instant: string, now: Date): string {
  const date = parseInstant(instant);
  if (!date) return instant;
  const moment = moscowParts(date);
  return moment.day === moscowParts(now).day ? moment.time : `${moment.day} ${moment.time}`;
}
