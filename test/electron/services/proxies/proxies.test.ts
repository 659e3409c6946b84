import { afterEach, describe, expect, it } from 'vitest';
import type { ProxyDraftInput } from '../../../../shared/domain/proxy-draft';
import { openConsentDesk, type ConsentDesk } from '../consents/consent-desk';

let desk: ConsentDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

type Envelope = {
  ok: boolean;
  data?: Record<string, unknown>;
  error?: { code: string; field?: string; message: { ru: string }; issues?: { code: string; field: string }[] };
};
const call = async (d: ConsentDesk, name: string, input: unknown) => (await d.dispatch(name, input)) as Envelope;

// The desk's clock says 25.11.2026.
const mother = (patientId: string, overrides: Partial<ProxyDraftInput> = {}): ProxyDraftInput => ({
  patientId,
  surname: 'Семёнова',
  name: 'Ольга',
  patronymic: 'Ивановна',
  birthDate: '1985-04-02',
  phone: '+7 916 765-43-21',
  relationship: 'mother',
  basis: 'parent_of_minor',
  scope: ['appointments', 'visits', 'results'],
  startsOn: '2026-11-25',
  ...overrides,
});
const attorney = (patientId: string, overrides: Partial<ProxyDraftInput> = {}): ProxyDraftInput =>
  mother(patientId, {
    relationship: 'spouse',
    basis: 'power_of_attorney',
    documentNumber: '77 АБ 1234567',
    documentIssuedOn: '2026-10-01',
    documentExpiresOn: '2027-10-01',
    documentIssuer: 'Нотариус г. Москвы Иванова И. И.',
    ...overrides,
  });

describe('trusted persons at the desk (B9)', () => {
  it('adds a mother for a 10-year-old: in force until the eve of the 15th birthday, audited and synced', async () => {
    desk = await openConsentDesk({ birthDate: '2016-05-20' });
    const added = await call(desk, 'proxies.add', mother(desk.patientId, { endsOn: '2035-01-01' }));
    expect(added).toMatchObject({
      ok: true,
      data: {
        surname: 'Семёнова',
        phone: '+79167654321',
        effectiveEnd: '2031-05-19',
        endReason: 'age_of_consent',
        status: 'active',
        scope: ['appointments', 'visits', 'results'],
      },
    });
    const listed = await call(desk, 'proxies.list', { patientId: desk.patientId });
    expect(listed).toMatchObject({ ok: true, data: { items: [{ id: added.data!.id, effectiveEnd: '2031-05-19' }] } });
    const actions = desk.store
      .transaction((tx) =>
        tx.all<{ action: string }>("SELECT action FROM audit_events WHERE action LIKE 'proxies.%' ORDER BY seq"),
      )
      .map((e) => e.action);
    expect(actions).toEqual(['proxies.add', 'proxies.read']);
    const outbox = desk.store.transaction((tx) =>
      tx.get<{ changed: string }>("SELECT changed FROM sync_outbox WHERE table_name = 'proxies'"),
    );
    expect(JSON.parse(outbox!.changed)).toMatchObject({
      basis: 'parent_of_minor',
      scope: '["appointments","visits","results"]',
      ends_on: '2035-01-01',
    });
  });

  it('refuses a parent-of-a-minor basis for a patient already 15, saving nothing', async () => {
    desk = await openConsentDesk({ birthDate: '2011-11-25' });
    const refused = await call(desk, 'proxies.add', mother(desk.patientId));
    expect(refused).toMatchObject({ ok: false, error: { code: 'proxy.basis.patient_of_age', field: 'basis' } });
    expect(desk.count('proxies')).toBe(0);
  });

  it('refuses a parent’s authority starting after the eve of the 15th birthday', async () => {
    desk = await openConsentDesk({ birthDate: '2012-02-29' });
    const refused = await call(desk, 'proxies.add', mother(desk.patientId, { startsOn: '2027-03-01' }));
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'proxy.period.after_age_of_consent', field: 'startsOn' },
    });
    expect(refused.error!.message.ru).toContain('28.02.2027');
    expect(await call(desk, 'proxies.add', mother(desk.patientId))).toMatchObject({
      ok: true,
      data: { effectiveEnd: '2027-02-28' },
    });
  });

  it('takes a power of attorney until its expiry, and refuses an expired one or one issued tomorrow', async () => {
    desk = await openConsentDesk();
    expect(await call(desk, 'proxies.add', attorney(desk.patientId))).toMatchObject({
      ok: true,
      data: { effectiveEnd: '2027-10-01', endReason: 'document_expiry' },
    });
    const expired = await call(
      desk,
      'proxies.add',
      attorney(desk.patientId, {
        documentIssuedOn: '2025-01-10',
        documentExpiresOn: '2026-11-24',
        startsOn: '2025-02-01',
      }),
    );
    expect(expired).toMatchObject({ ok: false, error: { code: 'proxy.poa.expired', field: 'documentExpiresOn' } });
    expect(expired.error!.message.ru).toContain('24.11.2026');
    const future = await call(
      desk,
      'proxies.add',
      attorney(desk.patientId, { documentIssuedOn: '2026-11-26', startsOn: '2026-11-26' }),
    );
    expect(future).toMatchObject({ ok: false, error: { code: 'proxy.poa.issued_future', field: 'documentIssuedOn' } });
    expect(await call(desk, 'proxies.add', attorney(desk.patientId, { documentNumber: ' ' }))).toMatchObject({
      ok: false,
      error: { code: 'proxy.poa.required', field: 'documentNumber' },
    });
    expect(await call(desk, 'proxies.add', attorney(desk.patientId, { endsOn: '2028-01-01' }))).toMatchObject({
      ok: false,
      error: { code: 'proxy.period.after_expiry', field: 'endsOn' },
    });
    expect(desk.count('proxies')).toBe(1);
  });

  it('refuses an end before the start, an empty scope, an authority already over and a birth date in the future — each by its field', async () => {
    desk = await openConsentDesk();
    const guardian = (overrides: Partial<ProxyDraftInput>) =>
      mother(desk!.patientId, { relationship: 'guardian', basis: 'guardian', ...overrides });
    expect(await call(desk, 'proxies.add', guardian({ startsOn: '2026-12-01', endsOn: '2026-11-30' }))).toMatchObject({
      ok: false,
      error: { code: 'proxy.period.end_before_start', field: 'endsOn' },
    });
    expect(await call(desk, 'proxies.add', guardian({ scope: [] }))).toMatchObject({
      ok: false,
      error: { code: 'proxy.scope.empty', field: 'scope' },
    });
    expect(await call(desk, 'proxies.add', guardian({ startsOn: '2026-01-01', endsOn: '2026-11-24' }))).toMatchObject({
      ok: false,
      error: { code: 'proxy.period.over', field: 'endsOn' },
    });
    expect(await call(desk, 'proxies.add', guardian({ birthDate: '2030-01-01' }))).toMatchObject({
      ok: false,
      error: { code: 'patient.birth_date.future', field: 'birthDate' },
    });
    expect(await call(desk, 'proxies.add', guardian({ surname: 'Smith' }))).toMatchObject({
      ok: false,
      error: { code: 'patient.name.alphabet', field: 'surname' },
    });
    expect(await call(desk, 'proxies.add', guardian({ phone: '+7 (616) 000-00-00' }))).toMatchObject({
      ok: false,
      error: { code: 'patient.phone.code', field: 'phone' },
    });
    expect(
      await call(desk, 'proxies.add', guardian({ patientId: '0190a000-0000-7000-8000-000000000009' })),
    ).toMatchObject({ ok: false, error: { code: 'patient.not_found' } });
    expect(desk.count('proxies')).toBe(0);
  });

  it('revokes once, with who and why; the proxy stays listed as revoked', async () => {
    desk = await openConsentDesk({ birthDate: '2016-05-20' });
    const added = await call(desk, 'proxies.add', mother(desk.patientId));
    const proxyId = added.data!.id;
    expect(await call(desk, 'proxies.revoke', { proxyId, reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'input.required', field: 'reason' },
    });
    expect(await call(desk, 'proxies.revoke', { proxyId, reason: 'Решение суда' })).toMatchObject({
      ok: true,
      data: { status: 'revoked', revokedAt: '2026-11-25T09:00:00.000Z', revocationReason: 'Решение суда' },
    });
    expect(await call(desk, 'proxies.revoke', { proxyId, reason: 'ещё раз' })).toMatchObject({
      ok: false,
      error: { code: 'proxy.already_revoked' },
    });
    expect(await call(desk, 'proxies.list', { patientId: desk.patientId })).toMatchObject({
      ok: true,
      data: { items: [{ id: proxyId, status: 'revoked' }] },
    });
  });
});
