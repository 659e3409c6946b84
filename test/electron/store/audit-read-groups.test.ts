import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureWorkstation } from '../../../electron/core/workstation';
import { appendAudit, readGroupSize, verifyAuditChain } from '../../../electron/store/audit-log';
import type { Actor } from '../../../electron/store/actor';
import { openStore, type Store } from '../../../electron/store/open-store';
import { recordRead } from '../../../electron/store/record-door';

let dir: string | undefined;
let store: Store | undefined;
afterEach(async () => {
  await store?.close().catch(() => undefined);
  if (dir) rmSync(dir, { recursive: true, force: true });
  store = undefined;
  dir = undefined;
});

const key = randomBytes(32);

/** A desk's store as the core opens it: reads' events committed in groups. */
async function groupingStore(): Promise<{ store: Store; actor: Actor; path: string }> {
  dir = mkdtempSync(join(tmpdir(), 'medcard-read-groups-'));
  const path = join(dir, 'desk.db');
  store = await openStore({ path, key, create: true, groupReadAudit: true });
  return { store, actor: ensureWorkstation(store, new Date('2026-12-06T10:00:00Z'), 'desk'), path };
}

const read = (s: Store, actor: Actor, n: number) =>
  s.transaction((tx) =>
    recordRead({ tx, actor, at: `2026-12-06T10:00:${String(n).padStart(2, '0')}.000Z` }, 'patients.read', {
      action: 'patients.read',
      patientId: `patient-${n}`,
    }),
  );

const events = (s: Store) =>
  s.read((tx) =>
    tx.all<{ seq: number; action: string; patient_id: string | null }>('SELECT * FROM audit_events ORDER BY seq'),
  );

describe('reads’ audit events committed in groups (issue 10, item 3: the audited read’s cost)', () => {
  it('a read waits, then commits on its own within the group delay', async () => {
    const desk = await groupingStore();
    read(desk.store, desk.actor, 1);
    expect(events(desk.store)).toHaveLength(0);
    await vi.waitFor(() => expect(events(desk.store).map((event) => event.patient_id)).toEqual(['patient-1']));
  });

  it('the read that fills the group commits the whole group with it, in the order of the reads', async () => {
    const desk = await groupingStore();
    for (let n = 0; n < readGroupSize; n++) read(desk.store, desk.actor, n);
    expect(events(desk.store).map((event) => event.patient_id)).toEqual(
      Array.from({ length: readGroupSize }, (_, n) => `patient-${n}`),
    );
  });

  it('a change commits the waiting reads before its own event', async () => {
    const desk = await groupingStore();
    read(desk.store, desk.actor, 1);
    read(desk.store, desk.actor, 2);
    desk.store.transaction((tx) =>
      appendAudit(tx, desk.actor, '2026-12-06T10:00:03.000Z', { action: 'patients.update' }),
    );
    expect(events(desk.store).map((event) => event.action)).toEqual([
      'patients.read',
      'patients.read',
      'patients.update',
    ]);
  });

  it('a transaction that carried waiting reads and rolled back gives them back; they commit later, once', async () => {
    const desk = await groupingStore();
    read(desk.store, desk.actor, 1);
    expect(() =>
      desk.store.transaction((tx) => {
        appendAudit(tx, desk.actor, '2026-12-06T10:00:02.000Z', { action: 'patients.update' });
        throw new Error('the change failed');
      }),
    ).toThrow('the change failed');
    expect(events(desk.store)).toHaveLength(0);
    await vi.waitFor(() => expect(events(desk.store).map((event) => event.patient_id)).toEqual(['patient-1']));
    expect(desk.store.read((tx) => verifyAuditChain(tx))).toMatchObject({ ok: true, events: 1 });
  });

  it('closing the store commits what waits', async () => {
    const desk = await groupingStore();
    read(desk.store, desk.actor, 1);
    read(desk.store, desk.actor, 2);
    await desk.store.close();
    store = await openStore({ path: desk.path, key, create: false });
    expect(events(store).map((event) => event.patient_id)).toEqual(['patient-1', 'patient-2']);
  });
});
