import type { ChartEntryDetail } from '../../shared/api/chart-calls';
import type { Actor } from '../../electron/store/actor';
import { newId } from '../../electron/store/ids';
import { addPerson, person } from './clinic-staff';
import type { SyncDesk } from './sync-harness';

/**
 * Makes `desk` work as a doctor of its own, whose account the server has: the clinic's admin
 * (pulled first) adds them, the account is pushed, and the desk's actor becomes the doctor, in a
 * proven session as after a sign-in. What the doctor writes in a chart then syncs as theirs.
 */
export async function actAsDoctor(desk: SyncDesk, displayName: string): Promise<Actor> {
  await desk.sync();
  const admin = desk.store.read((tx) =>
    tx.get<{ id: string; display_name: string }>(
      "SELECT id, display_name FROM staff WHERE kind = 'person' AND role = 'admin' AND active = 1 ORDER BY created_at LIMIT 1",
    ),
  );
  if (!admin) throw new Error('the desk has pulled no admin of the clinic');
  const doctor = person(desk, newId(), 'doctor', displayName);
  addPerson(desk, person(desk, admin.id, 'admin', admin.display_name), doctor);
  await desk.sync();
  desk.ctx.actor = doctor;
  return doctor;
}

/** A call that must succeed: its data, or the refusal thrown. */
export async function ok<T>(desk: SyncDesk, name: string, input: unknown): Promise<T> {
  const result = await desk.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} refused: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

/** The entry as the desk's doctor opens it (current version, previous versions). */
export function openEntry(desk: SyncDesk, id: string): Promise<ChartEntryDetail> {
  return ok<ChartEntryDetail>(desk, 'chart.entry', { id });
}

/** An encounter as a doctor records it at a desk (every field filled, dated in the desk's past). */
export function encounterDraft(conclusion: string, at = '2026-11-20T07:30:00.000Z') {
  return {
    kind: 'encounter' as const,
    body: {
      at,
      visitType: 'first' as const,
      department: 'Терапевтическое отделение',
      complaints: 'Головная боль, повышение АД до 160/95 мм рт. ст.',
      history: 'Повышение АД в течение 5 лет.',
      examination: 'АД 150/90 мм рт. ст., ЧСС 78 в мин.',
      conclusion,
    },
  };
}
