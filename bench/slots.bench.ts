/**
 * `npm run bench:slots`: the free-slot search (issue 13, item 8) over a clinic of 50 specialists
 * of one specialty × 31 days, about 60 % of their time booked — goal p95 ≤ 50 ms for the
 * 50 × 31 search. `freeSlots` is timed as the desk and the server call it: a fresh busy index per
 * call (nothing cached between calls), the schedule and the bookings in memory.
 * - (a) one specialist over 31 days, every free slot, and the first 50;
 * - (b) the specialty (50 specialists) over 31 days, the first 50 ("the first free slot");
 * - (c) the specialty over 31 days, every free slot (limit 10,000) — the whole month computed.
 * The production calendar is the published 2026 file (../shared/data/calendar-ru/2026.xml); the
 * month is November 2026 (a holiday on the 4th, a shortened day on the 3rd). BENCH_RUNS=N runs
 * per measurement (default 300). Deterministic (seeded). Never part of `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { freeSlots, type SlotContext, type SlotQuery } from '../shared/appointments/free-slots';
import { addDays, hhmmOf, localInstant, minutesOf } from '../shared/appointments/local-time';
import {
  clinicTimeZone,
  type BusyInterval,
  type ScheduleException,
  type ServiceType,
  type Specialist,
  type WorkPattern,
} from '../shared/appointments/schedule';
import { workingDay } from '../shared/appointments/working-day';
import { businessCalendar } from '../shared/domain/business-days';
import { parseCalendarXml } from '../shared/domain/calendar-xml';
import { machine, ms, printTable, summarize, writeResults } from './lib/stats';

const runs = Number(process.env.BENCH_RUNS ?? 300);
const specialistCount = 50;
const roomCount = 30;
const from = '2026-11-01';
const to = addDays(from, 30);
/** The chance of booking the next service at each step of a day; gives about 60 % of the hours booked. */
const bookingChance = 0.45;

/** mulberry32: a small seeded generator, so every run builds the same clinic. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = seeded(13);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const calendarPath = resolve('../shared/data/calendar-ru/2026.xml');
const calendar = businessCalendar([parseCalendarXml(readFileSync(calendarPath, 'utf8'))]);

const services: ServiceType[] = [
  ['svc-visit', 'Приём терапевта', 20],
  ['svc-first', 'Первичный приём терапевта', 30],
  ['svc-repeat', 'Повторный приём терапевта', 15],
  ['svc-ecg', 'Расшифровка ЭКГ', 10],
  ['svc-remote', 'Телемедицинская консультация', 20],
].map(([id, name, durationMin]) => ({
  id: id as string,
  serviceCode: `B01.047.${id as string}`,
  name: name as string,
  durationMin: durationMin as number,
  mode: id === 'svc-remote' ? 'remote' : 'in_person',
  dailyLimit: id === 'svc-first' ? 8 : null,
  instructions: null,
  active: true,
}));

// Realistic shifts: a morning and an afternoon shift share a room; a day shift has lunch.
const shifts: Pick<WorkPattern, 'starts' | 'ends' | 'breaks'>[] = [
  { starts: '08:00', ends: '14:00', breaks: [{ starts: '11:00', ends: '11:15' }] },
  { starts: '14:00', ends: '20:00', breaks: [{ starts: '17:00', ends: '17:15' }] },
  { starts: '09:00', ends: '18:00', breaks: [{ starts: '13:00', ends: '14:00' }] },
  { starts: '08:30', ends: '16:30', breaks: [{ starts: '12:30', ends: '13:00' }] },
];

const specialists: Specialist[] = [];
const patterns: WorkPattern[] = [];
const exceptions: ScheduleException[] = [];
for (let i = 0; i < specialistCount; i++) {
  const id = `sp-${String(i).padStart(2, '0')}`;
  specialists.push({
    id,
    staffId: null,
    displayName: `Терапевт ${String(i).padStart(2, '0')}`,
    specialtyCode: '27',
    positionCode: '110',
    department: 'Терапевтическое отделение',
    roomId: `room-${i % roomCount}`,
    active: true,
  });
  const shift = shifts[i % shifts.length]!;
  // Most work Monday to Friday; some alternate shifts by weekday; some see no remote patients.
  for (const weekday of [1, 2, 3, 4, 5]) {
    const own = i % 5 === 0 && weekday % 2 === 0 ? shifts[(i + 1) % shifts.length]! : shift;
    patterns.push({
      id: `wp-${id}-${weekday}`,
      specialistId: id,
      roomId: null,
      weekday,
      ...own,
      serviceTypeIds: i % 3 === 0 ? ['svc-visit', 'svc-first', 'svc-repeat'] : null,
      validFrom: '2026-01-01',
      validTo: null,
    });
  }
  if (i % 10 === 3) {
    const start = addDays(from, Math.floor(random() * 20));
    exceptions.push(exception(`leave-${id}`, id, 'leave', start, addDays(start, 6 + Math.floor(random() * 8))));
  }
  if (i % 12 === 5) exceptions.push(exception(`sick-${id}`, id, 'sickness', '2026-11-16', '2026-11-18'));
  if (i % 9 === 1) {
    exceptions.push({
      ...exception(`hours-${id}`, id, 'hours', '2026-11-21', '2026-11-21'),
      starts: '09:00',
      ends: '13:00',
    });
  }
}
exceptions.push(exception('sanitary-day', null, 'closed', '2026-11-27', '2026-11-27'));

function exception(
  id: string,
  specialistId: string | null,
  kind: ScheduleException['kind'],
  fromDate: string,
  toDate: string,
): ScheduleException {
  return { id, specialistId, kind, fromDate, toDate, starts: null, ends: null, note: null };
}

const schedule = {
  specialists,
  rooms: Array.from({ length: roomCount }, (_, i) => ({ id: `room-${i}`, name: `${100 + i}`, active: true })),
  serviceTypes: services,
  patterns,
  exceptions,
};

let workingMinutes = 0;
let bookedMinutes = 0;

/** About 60 % of each working day booked: walk the day, booking the next service at random. */
function bookings(): BusyInterval[] {
  const busy: BusyInterval[] = [];
  let n = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (const specialist of specialists) {
      const day = workingDay(schedule, calendar, specialist.id, date);
      for (const period of day.periods) {
        workingMinutes += minutesOf(period.ends) - minutesOf(period.starts);
        for (const b of day.breaks) workingMinutes -= minutesOf(b.ends) - minutesOf(b.starts);
        let minute = minutesOf(period.starts);
        while (minute < minutesOf(period.ends)) {
          const service = pick(services.filter((s) => s.id !== 'svc-remote'));
          const ends = minute + service.durationMin;
          const inBreak = day.breaks.some((b) => minute < minutesOf(b.ends) && minutesOf(b.starts) < ends);
          if (ends <= minutesOf(period.ends) && !inBreak && random() < bookingChance) {
            busy.push({
              appointmentId: `ap-${n++}`,
              specialistId: specialist.id,
              roomId: period.roomId,
              patientId: `pt-${Math.floor(random() * 100_000)}`,
              serviceTypeId: service.id,
              startsAt: localInstant(date, hhmmOf(minute), clinicTimeZone),
              endsAt: localInstant(date, hhmmOf(ends), clinicTimeZone),
            });
            bookedMinutes += service.durationMin;
            minute = ends;
          } else {
            minute += 5 * Math.ceil(service.durationMin / 10);
          }
        }
      }
    }
  }
  return busy;
}

const busy = bookings();
const context: SlotContext = { schedule, calendar, busy };
const notBefore = localInstant(from, '00:00', clinicTimeZone);
const base: Omit<SlotQuery, 'limit'> = { serviceTypeId: 'svc-visit', from, to, notBefore };

/** The free slots the month would have with nothing booked: the share booked, measured. */
const capacity = freeSlots({ ...context, busy: [] }, { ...base, specialtyCode: '27', limit: 100_000 }).length;

function measure(
  query: SlotQuery,
): ReturnType<typeof summarize> & { cpu: ReturnType<typeof summarize>; found: number } {
  const samples: number[] = [];
  const cpu: number[] = [];
  let found = 0;
  for (let i = 0; i < 10; i++) freeSlots(context, query);
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    found = freeSlots(context, query).length;
    samples.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ...summarize(samples), cpu: summarize(cpu), found };
}

const uptime = (): string => execFileSync('uptime', { encoding: 'utf8' }).trim();
const uptimeBefore = uptime();
const loadBefore = loadavg();
const results = {
  oneAll: measure({ ...base, specialistId: 'sp-07', limit: 10_000 }),
  oneFirst: measure({ ...base, specialistId: 'sp-07', limit: 50 }),
  specialtyFirst: measure({ ...base, specialtyCode: '27', limit: 50 }),
  specialtyAll: measure({ ...base, specialtyCode: '27', limit: 10_000 }),
};
const loadAfter = loadavg();
const uptimeAfter = uptime();

const row = (what: string, stats: (typeof results)['oneAll'], goal = '') => ({
  measure: what,
  slots: stats.found,
  'p50 ms': ms(stats.p50),
  'p95 ms': ms(stats.p95),
  'max ms': ms(stats.max),
  'CPU p95 ms': ms(stats.cpu.p95),
  goal,
});
const free = results.specialtyAll.found;
const bookedPercent = ((bookedMinutes / workingMinutes) * 100).toFixed(0);
process.stdout.write(
  `\nFree slots, ${specialistCount} specialists × 31 days (${from}…${to}), ${patterns.length} patterns, ` +
    `${exceptions.length} exceptions, ${busy.length} bookings (${bookedPercent} % of the working hours booked); ` +
    `${free} of ${capacity} 20-min slots free; ${runs} runs each\n` +
    `before: ${uptimeBefore}\nafter:  ${uptimeAfter}\n\n`,
);
printTable([
  row('(a) one specialist, 31 days, every free slot', results.oneAll),
  row('(a) one specialist, 31 days, first 50', results.oneFirst),
  row('(b) specialty of 50, 31 days, first 50', results.specialtyFirst, 'p95 ≤ 50'),
  row('(c) specialty of 50, 31 days, every free slot (limit 10,000)', results.specialtyAll, 'p95 ≤ 50'),
]);
const path = writeResults('slots', {
  machine: machine(),
  runs,
  clinic: {
    specialists: specialistCount,
    rooms: roomCount,
    from,
    to,
    patterns: patterns.length,
    exceptions: exceptions.length,
    bookings: busy.length,
    bookedPercent: Number(bookedPercent),
    capacity,
    free,
  },
  loadAverage: { before: loadBefore, after: loadAfter },
  uptime: { before: uptimeBefore, after: uptimeAfter },
  results,
});
process.stdout.write(`JSON: ${path}\n`);
