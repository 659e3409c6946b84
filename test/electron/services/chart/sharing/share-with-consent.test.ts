import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  chartCall as call,
  drafts,
  enrolAnother,
  openChartDesk,
  type ChartDesk,
} from '../../../../support/chart-fixtures';

let desk: ChartDesk;
beforeEach(async () => {
  desk = await openChartDesk();
});
afterEach(() => desk.cleanup());

const recipient = {
  name: 'Сидорова Елена Викторовна',
  organisation: 'ГКБ № 1',
  specialty: 'кардиолог',
  email: 'sidorova@gkb1.example.ru',
};

async function entry(patientId = desk.patientId, draft: unknown = drafts.encounter()): Promise<string> {
  const result = await call(desk, 'chart.record', { patientId, draft });
  expect(result.ok, JSON.stringify(result.error)).toBe(true);
  return result.data!.entry.id;
}

async function consent(entryIds: string[], extra: Record<string, unknown> = {}) {
  const given = await call(desk, 'chart.shares.giveConsent', {
    patientId: desk.patientId,
    consent: { recipient, scope: 'entries', entryIds, ...extra },
  });
  expect(given.ok, JSON.stringify(given.error)).toBe(true);
  return given.data as unknown as { id: string; givenVia: string; revokedAt: string | null };
}

/** What a refusal must leave as it was: the sendings, the outbox and the audit. */
const written = () => [desk.count('chart_shares'), desk.count('sync_outbox'), desk.count('audit_events')];

async function refusedSend(consentId: string, entryIds: string[], code: string) {
  const before = written();
  const result = await call(desk, 'chart.shares.send', { consentId, entryIds });
  expect(result).toMatchObject({ ok: false, error: { code } });
  expect(written(), 'nothing half-saved').toEqual(before);
}

describe('sharing at the desk only with the patient’s consent (D6)', () => {
  it('gives a consent, sends the entries it covers (a chart_shares row, its outbox entry, its audit event) and lists both', async () => {
    const first = await entry();
    const given = await consent([first]);
    expect(given).toMatchObject({ givenVia: 'desk', revokedAt: null });
    const before = written();
    const sent = await call(desk, 'chart.shares.send', { consentId: given.id, entryIds: [first] });
    expect(sent.ok, JSON.stringify(sent.error)).toBe(true);
    expect(sent.data).toMatchObject({ consentId: given.id, entryIds: [first], recipient: { email: recipient.email } });
    expect(written()).toEqual([before[0]! + 1, before[1]! + 1, before[2]! + 1]);
    const audit = desk.store.read((tx) =>
      tx.get<{ action: string; patient_id: string }>(
        'SELECT action, patient_id FROM audit_events ORDER BY seq DESC LIMIT 1',
      ),
    );
    expect(audit).toEqual({ action: 'chart.shares.send', patient_id: desk.patientId });

    const list = await call(desk, 'chart.shares.list', { patientId: desk.patientId });
    expect(list.data).toMatchObject({ consents: [{ id: given.id }], shares: [{ consentId: given.id }] });
  });

  it('refuses without a consent, outside its scope, for another patient’s entry, after revocation and past its day', async () => {
    const first = await entry();
    const second = await entry(desk.patientId, drafts.lab());
    const theirs = await entry(enrolAnother(desk));
    const given = await consent([first]);
    await refusedSend('019a0000-0000-7000-8000-000000000000', [first], 'chart.share.consent_not_found');
    await refusedSend(given.id, [first, second], 'chart.share.out_of_scope');
    await refusedSend(given.id, [theirs], 'chart.share.out_of_scope');

    const outside = await call(desk, 'chart.shares.giveConsent', {
      patientId: desk.patientId,
      consent: { recipient, scope: 'entries', entryIds: [theirs] },
    });
    expect(outside).toMatchObject({ ok: false, error: { code: 'chart.share.out_of_scope', field: 'entryIds' } });
    const empty = await call(desk, 'chart.shares.giveConsent', {
      patientId: desk.patientId,
      consent: { recipient, scope: 'entries', entryIds: [] },
    });
    expect(empty).toMatchObject({ ok: false, error: { code: 'chart.share.consent_invalid' } });

    const revoked = await call(desk, 'chart.shares.revokeConsent', { id: given.id, reason: 'Пациент отозвал' });
    expect(revoked.ok).toBe(true);
    expect((revoked.data as unknown as { revokedAt: string }).revokedAt).toBe(desk.now);
    await refusedSend(given.id, [first], 'chart.share.consent_revoked');
    const twice = await call(desk, 'chart.shares.revokeConsent', { id: given.id, reason: 'Ещё раз' });
    expect(twice).toMatchObject({ ok: false, error: { code: 'chart.share.consent_revoked' } });

    const lapsed = await consent([first], { validUntil: '2026-12-31' });
    // The desk's day moves past the consent's last day.
    const later = { ...desk.ctx, clock: { now: () => new Date('2027-01-02T09:00:00Z') } };
    const { sendShare } = await import('../../../../../electron/services/chart/sharing/send-share');
    expect(() => sendShare(later, lapsed.id, [first])).toThrowError(
      expect.objectContaining({ code: 'chart.share.consent_expired' }),
    );
  });

  it('is a doctor’s: a clerk is refused', async () => {
    const first = await entry();
    const given = await consent([first]);
    desk.ctx.actor = { ...desk.ctx.actor, role: 'clerk' };
    const result = await call(desk, 'chart.shares.send', { consentId: given.id, entryIds: [first] });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
