import { describe, expect, it } from 'vitest';
import { accessOf, reportAttempt } from '../support/portal-client';
import { draft, validSnils } from '../support/fixtures';
import { createPatientAt } from './sync-harness';
import { useSyncServer } from './use-sync-server';

const sync = useSyncServer();

async function lockedAtPortal(patientId: string): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    const reply = await reportAttempt(sync.server.url, patientId, 'failed');
    expect(reply.status).toBe(200);
  }
}

const passportSeen = { type: 'passport', number: '4508 123456' } as const;

describe('online identity across desks and the server (B6)', () => {
  it('the portal’s lock reaches a desk’s queue; the desk’s verification reaches the server and unlocks the patient everywhere', async () => {
    const first = await sync.openDesk('Регистратура 1');
    const second = await sync.openDesk('Регистратура 2');
    const patientId = await createPatientAt(
      first,
      draft({ surname: 'Заблокированная', snils: validSnils('513245789') }),
    );
    await first.sync();
    await lockedAtPortal(patientId);

    await second.sync();
    const queue = await second.dispatch('verification.queue', {});
    expect(queue).toMatchObject({
      ok: true,
      data: { total: 1, items: [{ patient: { id: patientId, surname: 'Заблокированная' }, failedAttempts: 3 }] },
    });
    expect(await second.dispatch('verification.count', {})).toMatchObject({ ok: true, data: { waiting: 1 } });

    const done = await second.dispatch('verification.complete', {
      patientId,
      documentsSeen: [passportSeen],
      originalsChecked: true,
      note: 'Паспорт в порядке',
    });
    expect(done).toMatchObject({
      ok: true,
      data: { status: 'verified_in_person', verifiedBy: { id: second.ctx.actor.staffId } },
    });
    expect(await second.dispatch('verification.count', {})).toMatchObject({ ok: true, data: { waiting: 0 } });
    await second.sync();

    const access = await accessOf(sync.server.url, patientId);
    expect(access.body).toMatchObject({
      identity: { status: 'verified_in_person', confirmed: true, failedAttempts: 0 },
    });

    await first.sync();
    const seen = await first.dispatch('verification.get', { patientId });
    expect(seen).toMatchObject({
      ok: true,
      data: {
        status: 'verified_in_person',
        failedAttempts: 0,
        documentsSeen: [{ ...passportSeen, documentId: null }],
        note: 'Паспорт в порядке',
      },
    });
    expect(await first.dispatch('verification.queue', {})).toMatchObject({ ok: true, data: { items: [], total: 0 } });
    // Every step is in the desk's audit log.
    const actions = second.store.transaction((tx) =>
      tx
        .all<{ action: string }>("SELECT action FROM audit_events WHERE action LIKE 'verification.%' ORDER BY seq")
        .map((row) => row.action),
    );
    expect(actions).toEqual(['verification.queue.read', 'verification.completed']);
  });

  it('refuses at the desk: a doctor, no documents, originals not confirmed, and a patient who is not locked', async () => {
    const desk = await sync.openDesk('Регистратура 3');
    const locked = await createPatientAt(desk, draft({ surname: 'Запертова', snils: validSnils('523245789') }));
    const trying = await createPatientAt(desk, draft({ surname: 'Пробующая', snils: validSnils('533245789') }));
    await desk.sync();
    await lockedAtPortal(locked);
    await reportAttempt(sync.server.url, trying, 'failed');
    await desk.sync();

    const clerk = desk.ctx.actor;
    desk.ctx.actor = { ...clerk, role: 'doctor' };
    expect(
      await desk.dispatch('verification.complete', {
        patientId: locked,
        documentsSeen: [passportSeen],
        originalsChecked: true,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    desk.ctx.actor = clerk;

    const empty = await desk.dispatch('verification.complete', {
      patientId: locked,
      documentsSeen: [],
      originalsChecked: true,
    });
    expect(empty).toMatchObject({
      ok: false,
      error: { issues: [{ code: 'verification.documents_required', field: 'documentsSeen' }] },
    });
    const copies = await desk.dispatch('verification.complete', {
      patientId: locked,
      documentsSeen: [passportSeen],
      originalsChecked: false,
    });
    expect(copies).toMatchObject({
      ok: false,
      error: { issues: [{ code: 'verification.originals_unconfirmed', field: 'originalsChecked' }] },
    });
    const notLocked = await desk.dispatch('verification.complete', {
      patientId: trying,
      documentsSeen: [passportSeen],
      originalsChecked: true,
    });
    expect(notLocked).toMatchObject({ ok: false, error: { code: 'verification.not_locked' } });
    const neverTried = await desk.dispatch('verification.complete', {
      patientId: await createPatientAt(desk, draft({ surname: 'Новенькая', snils: validSnils('543245789') })),
      documentsSeen: [passportSeen],
      originalsChecked: true,
    });
    expect(neverTried).toMatchObject({ ok: false, error: { code: 'verification.not_found' } });

    // Nothing half-saved: the locked patient is still locked here and on the server.
    expect(await desk.dispatch('verification.get', { patientId: locked })).toMatchObject({
      ok: true,
      data: { status: 'locked', failedAttempts: 3 },
    });
    const outbox = desk.store.transaction((tx) =>
      tx.all("SELECT 1 FROM sync_outbox WHERE table_name = 'online_identity'"),
    );
    expect(outbox).toEqual([]);
  });

  it('a locked card merged into another leaves the queue (B2: the portal knows only the survivor)', async () => {
    const desk = await sync.openDesk('Регистратура 4');
    const survivor = await createPatientAt(desk, draft({ surname: 'Слиянова', snils: null }));
    const merged = await createPatientAt(desk, draft({ surname: 'Слиянова', snils: validSnils('553245789') }));
    await desk.sync();
    await lockedAtPortal(merged);
    await desk.sync();
    // Other tests of this file left locked patients on the server: look for this one.
    const queued = async () => {
      const queue = await desk.dispatch('verification.queue', {});
      if (!queue.ok) throw new Error(queue.error.code);
      return (queue.data as { items: { patient: { id: string } }[] }).items.map((item) => item.patient.id);
    };
    const waiting = async () => {
      const count = await desk.dispatch('verification.count', {});
      if (!count.ok) throw new Error(count.error.code);
      return (count.data as { waiting: number }).waiting;
    };
    expect(await queued()).toContain(merged);
    const before = await waiting();
    expect(
      await desk.dispatch('patients.merge', {
        survivorId: survivor,
        mergedId: merged,
        reason: 'Одна и та же пациентка',
      }),
    ).toMatchObject({ ok: true });
    expect(await queued()).not.toContain(merged);
    expect(await waiting()).toBe(before - 1);
  });
});
