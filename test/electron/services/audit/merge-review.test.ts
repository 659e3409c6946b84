import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../electron/core/dispatcher';
import { fixedActorContext } from '../../../../electron/core/fixed-actor-context';
import { validEnp, validInn, validSnils } from '../../../support/fixtures';
import { enrolPatient, openTempDesk, type TempDesk } from '../../../support/temp-desk';

let desk: TempDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

describe("before and after a merge: the clerk's plan, the auditor's review (B2)", () => {
  it('the plan says what would move and writes nothing; the merge then does exactly that', async () => {
    desk = await openTempDesk();
    const enp = validEnp();
    const survivor = await enrolPatient(desk, { snils: validSnils() });
    const merged = await enrolPatient(desk, { surname: 'Семенова', snils: null, enp });
    const before = [desk.count('patients'), desk.count('audit_events'), desk.count('sync_outbox')];

    const plan = await desk.dispatch('patients.mergePlan', { survivorId: survivor, mergedId: merged });
    expect(plan).toEqual({ ok: true, data: { identifiers: ['enp'], scans: 0, documents: 0, consents: 0, proxies: 0 } });
    expect([desk.count('patients'), desk.count('audit_events'), desk.count('sync_outbox')]).toEqual(before);

    const done = await desk.dispatch('patients.merge', {
      survivorId: survivor,
      mergedId: merged,
      reason: 'Одна пациентка',
    });
    expect(done).toMatchObject({ ok: true, data: { identifiers: ['enp'], scans: 0 } });
  });

  it('the plan refuses what the merge would refuse: different identifiers, the same card', async () => {
    desk = await openTempDesk();
    const a = await enrolPatient(desk, { inn: validInn() });
    const b = await enrolPatient(desk, { surname: 'Семенова', snils: null, inn: validInn('5001234568') });
    expect(await desk.dispatch('patients.mergePlan', { survivorId: a, mergedId: b })).toMatchObject({
      ok: false,
      error: { code: 'patient.merge.identifiers' },
    });
    expect(await desk.dispatch('patients.mergePlan', { survivorId: a, mergedId: a })).toMatchObject({
      ok: false,
      error: { code: 'patient.merge.same' },
    });
  });

  it('an auditor sees each merge with both cards, the reason and who merged; a clerk may not look', async () => {
    desk = await openTempDesk();
    const survivor = await enrolPatient(desk, { snils: validSnils() });
    const merged = await enrolPatient(desk, { surname: 'Семенова', snils: null });
    await desk.dispatch('patients.merge', { survivorId: survivor, mergedId: merged, reason: 'Карта заведена дважды' });

    expect(await desk.dispatch('audit.merges', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The same store read by an auditor (the desk's actor with the auditor's role), through the
    // dispatcher's permission check.
    const d = desk;
    const asAuditor = createDispatcher(
      () => fixedActorContext({ store: d.store, clock: d.ctx.clock, actor: { ...d.ctx.actor, role: 'auditor' } }),
      { internal: () => undefined },
    );
    const review = await asAuditor('audit.merges', {});
    expect(review).toMatchObject({
      ok: true,
      data: {
        more: false,
        items: [
          {
            reason: 'Карта заведена дважды',
            identifiers: [],
            scans: 0,
            survivor: { id: survivor, surname: 'Семёнова', mergedInto: null },
            merged: { id: merged, surname: 'Семенова', mergedInto: survivor },
          },
        ],
      },
    });
    const looked = d.store.transaction((tx) =>
      tx.get<{ details: string }>(
        "SELECT details FROM audit_events WHERE action = 'audit.read' ORDER BY seq DESC LIMIT 1",
      ),
    );
    expect(JSON.parse(looked?.details ?? '{}')).toMatchObject({ view: 'merges', shown: [survivor, merged] });
  });
});
