import { describe, expect, it } from 'vitest';
import { draft, validSnils } from '../support/fixtures';
import { padPng, signatureSvg } from '../electron/services/consents/consent-desk';
import { createPatientAt, type SyncDesk } from './sync-harness';
import { useSyncServer } from './use-sync-server';

const sync = useSyncServer();

type Envelope = { ok: boolean; data?: Record<string, unknown>; error?: unknown };
const call = async (desk: SyncDesk, name: string, input: unknown) => (await desk.dispatch(name, input)) as Envelope;

describe('consents and trusted persons reach every desk (B8, B9)', () => {
  it('a consent signed at desk A is valid at desk B with its signature image; B’s withdrawal reaches A and stays', async () => {
    const deskA = await sync.openDesk('desk-a');
    const deskB = await sync.openDesk('desk-b');
    const patientId = await createPatientAt(deskA, draft({ snils: validSnils('400000123') }));
    const png = await padPng(signatureSvg);
    const accepted = await call(deskA, 'consents.accept', {
      patientId,
      textVersion: '1',
      method: 'signature',
      signaturePng: png,
    });
    expect(accepted.ok).toBe(true);
    const proxy = await call(deskA, 'proxies.add', {
      patientId,
      surname: 'Семёнов',
      name: 'Пётр',
      birthDate: '1978-01-01',
      relationship: 'spouse',
      basis: 'power_of_attorney',
      documentNumber: '77 АБ 7654321',
      documentIssuedOn: '2026-11-01',
      documentExpiresOn: '2027-11-01',
      documentIssuer: 'Нотариус Петрова П. П.',
      scope: ['results', 'documents'],
      startsOn: '2026-11-25',
    });
    expect(proxy.ok).toBe(true);
    await deskA.sync();
    const blob = await sync.server
      .db('blobs')
      .where({ sha256: accepted.data!.signatureSha256 })
      .first<{ complete: boolean } | undefined>('complete');
    expect(blob?.complete).toBe(true);

    await deskB.sync();
    expect(await call(deskB, 'consents.state', { patientId })).toMatchObject({
      ok: true,
      data: { valid: true, current: { id: accepted.data!.id } },
    });
    expect(await call(deskB, 'consents.signature', { consentId: accepted.data!.id })).toEqual({
      ok: true,
      data: { mime: 'image/png', data: png },
    });
    expect(await call(deskB, 'proxies.list', { patientId })).toMatchObject({
      ok: true,
      data: {
        items: [
          {
            id: proxy.data!.id,
            effectiveEnd: '2027-11-01',
            endReason: 'document_expiry',
            scope: ['results', 'documents'],
          },
        ],
      },
    });

    expect(
      await call(deskB, 'consents.withdraw', { consentId: accepted.data!.id, reason: 'Заявление пациента' }),
    ).toMatchObject({ ok: true });
    await deskB.sync();
    await deskA.sync();
    expect(await call(deskA, 'consents.state', { patientId })).toMatchObject({
      ok: true,
      data: { valid: false, reason: 'withdrawn', current: { withdrawalReason: 'Заявление пациента' } },
    });
  });
});
