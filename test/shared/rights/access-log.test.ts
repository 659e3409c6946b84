import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  classifyAccessAction,
  pageAccessLog,
  type AccessEvent,
  type AccessLogOptions,
  type AccessLogPage,
} from '../../../shared/rights/access-log';

const minute = 60_000;
const start = Date.UTC(2026, 11, 7, 9, 0, 0);

/** A generated audit, oldest first as written; `log` hands it out newest first, as the stores do. */
function audit() {
  const events: AccessEvent[] = [];
  const add = (
    minutes: number,
    action: string,
    who: { id: string; name: string; role: string; desk?: string },
    details: Record<string, unknown> = {},
  ) => {
    events.push({
      cursor: events.length + 1,
      at: new Date(start + minutes * minute).toISOString(),
      action,
      actorId: who.id,
      actorName: who.name,
      actorRole: who.role,
      deviceId: who.desk ?? 'desk-1',
      deviceName: who.desk === 'desk-2' ? 'Кабинет 12' : 'Регистратура 1',
      details,
    });
  };
  return { add, log: () => [...events].reverse() };
}

const doctor = { id: 'staff-doc', name: 'Петров П. П.', role: 'doctor' };
const clerk = { id: 'staff-clerk', name: 'Сидорова А. А.', role: 'clerk' };
const patient = { id: 'account-1', name: 'account-1', role: 'patient', desk: 'cabinet' };
const all: AccessLogOptions = { showOwn: false, showListed: false, limit: 30 };

const only = (events: AccessEvent[], options: Partial<AccessLogOptions> = {}): AccessLogPage =>
  pageAccessLog(events, { ...all, ...options }, 'exhausted')!;

describe('who opened my card: the rules (F2)', () => {
  it('groups one person’s reads at one desk within a visit into one line with a count and the sections', () => {
    const a = audit();
    a.add(0, 'patients.read', doctor);
    a.add(5, 'chart.history', doctor);
    a.add(10, 'chart.entry', doctor);
    a.add(35, 'documents.read', doctor); // 25 minutes after the last: the same visit
    a.add(70, 'scans.read', doctor); // 35 minutes later: a new visit
    const page = only(a.log());
    expect(page.lines).toHaveLength(2);
    const [later, first] = page.lines;
    expect(later).toMatchObject({ kind: 'read', count: 1, sections: ['scans'] });
    expect(first).toMatchObject({ kind: 'opened', count: 4, actorName: 'Петров П. П.', deviceName: 'Регистратура 1' });
    expect(first!.sections).toEqual(['documents', 'chart', 'card']);
    expect(first!.from).toBe(new Date(start).toISOString());
    expect(first!.to).toBe(new Date(start + 35 * minute).toISOString());
  });

  it('keeps different people, desks and changes on lines of their own', () => {
    const a = audit();
    a.add(0, 'patients.read', doctor);
    a.add(1, 'patients.read', clerk);
    a.add(2, 'patients.read', { ...doctor, desk: 'desk-2' });
    a.add(3, 'patients.contacts.update', clerk);
    a.add(4, 'exports.printed', clerk);
    a.add(5, 'exports.created', clerk, { format: 'pdf' });
    a.add(6, 'chart.shares.send', doctor);
    const kinds = only(a.log()).lines.map((line) => line.kind);
    expect(kinds).toEqual(['shared', 'exported', 'printed', 'changed', 'opened', 'opened', 'opened']);
  });

  it('hides a search list that showed the name, and shows it when asked', () => {
    const a = audit();
    a.add(0, 'patients.search', clerk);
    a.add(1, 'patients.duplicate_shown', clerk);
    a.add(2, 'appointments.range', clerk);
    a.add(50, 'patients.read', clerk);
    const hidden = only(a.log());
    expect(hidden.lines.map((line) => line.kind)).toEqual(['opened']);
    expect(hidden.hidden.listed).toBe(3);
    const shown = only(a.log(), { showListed: true });
    expect(shown.lines.map((line) => line.kind)).toEqual(['opened', 'listed']);
    expect(shown.lines[1]).toMatchObject({ count: 3, sections: ['appointments', 'card'] });
  });

  it('hides the patient’s own and the representative’s access, and shows it when asked', () => {
    const a = audit();
    a.add(0, 'chart.history', patient);
    a.add(1, 'patients.access_log.read', patient);
    a.add(2, 'chart.history', { ...patient, id: 'account-mother' });
    a.add(3, 'patients.read', doctor);
    expect(only(a.log()).lines.map((line) => line.actorName)).toEqual(['Петров П. П.']);
    expect(only(a.log()).hidden.own).toBe(3);
    const shown = only(a.log(), { showOwn: true }).lines;
    expect(shown.filter((line) => line.own).map((line) => line.actorId)).toEqual(['account-mother', 'account-1']);
  });

  it('always shows and flags emergency access, whatever the toggles', () => {
    const a = audit();
    a.add(0, 'chart.emergency.started', { ...doctor, id: 'staff-er' }, { emergencyAccessId: 'g1' });
    a.add(1, 'chart.history', { ...doctor, id: 'staff-er' }, { emergencyAccessId: 'g1' });
    a.add(2, 'patients.search', { ...doctor, id: 'staff-er' }, { emergencyAccessId: 'g1' });
    a.add(3, 'chart.entry', { ...doctor, id: 'staff-er' });
    const lines = only(a.log()).lines;
    expect(lines.map((line) => [line.kind, line.emergency])).toEqual([
      ['read', false],
      ['listed', true],
      ['read', true],
      ['emergency', true],
    ]);
  });

  it('keeps an action it does not know as «другое действие» with its code', () => {
    const a = audit();
    a.add(0, 'lab.robot.peeked', doctor);
    expect(only(a.log()).lines).toEqual([expect.objectContaining({ kind: 'other', action: 'lab.robot.peeked' })]);
  });

  it('pages without cutting a visit: the cursor continues exactly after the page', () => {
    const a = audit();
    // 40 visits of one doctor an hour apart, each 3 reads; a clerk reading during every visit.
    for (let visit = 0; visit < 40; visit++) {
      a.add(visit * 60, 'patients.read', doctor);
      a.add(visit * 60 + 1, 'patients.read', clerk);
      a.add(visit * 60 + 10, 'chart.history', doctor);
      a.add(visit * 60 + 20, 'chart.entry', doctor);
    }
    const events = a.log();
    const options = { ...all, limit: 5 };
    expect(pageAccessLog(events.slice(0, 12), options, 'open')).toBeUndefined();
    const first = pageAccessLog(events, options, 'open')!;
    expect(first.lines.map((line) => line.count)).toEqual([3, 1, 3, 1, 3, 1]);
    const rest = events.filter((event) => event.cursor < first.cursor!);
    const second = pageAccessLog(rest, options, 'open')!;
    expect(second.lines[0]).toMatchObject({ actorId: doctor.id, count: 3 });
    let seen = first.lines.length + second.lines.length;
    let cursor = second.cursor;
    while (cursor !== null) {
      const next = pageAccessLog(
        events.filter((event) => event.cursor < cursor!),
        options,
        'exhausted',
      )!;
      seen += next.lines.length;
      cursor = next.cursor;
    }
    expect(seen).toBe(80);
  });

  it('ends a capped page where its events end, so the next one continues there', () => {
    const a = audit();
    for (let i = 0; i < 10; i++) a.add(i, 'patients.search', clerk);
    const page = pageAccessLog(a.log().slice(0, 6), all, 'capped')!;
    expect(page).toMatchObject({ lines: [], cursor: 5, hidden: { own: 0, listed: 6 } });
  });
});

/** Every action the desks and the server write with a patient is named by the rules. */
describe('the actions the code writes', () => {
  // Operations (issue 15: health thresholds, incidents, backups, the database key) name no patient.
  const patientless =
    /^(auth|staff|dictionaries|audit|sync\.(push|pull|snapshot)|schedules|deny|health|incidents|backups|db_key)/;
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return path.endsWith('.ts') ? [path] : [];
    });

  it('classifies each of them (none falls to «другое действие»)', () => {
    const found = new Set<string>();
    for (const file of [...sources('electron'), ...sources('server')]) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:action: |recordRead\([^,]*, )'([a-z_]+\.[a-z_.]+)'/g)) found.add(match[1]!);
      for (const match of text.matchAll(/audit\(card, '([a-z_.]+)'/g)) found.add(match[1]!);
    }
    const unknown = [...found].filter(
      (action) => !patientless.test(action) && classifyAccessAction(action).kind === 'other',
    );
    expect(found.size).toBeGreaterThan(50);
    expect(unknown).toEqual([]);
  });
});
