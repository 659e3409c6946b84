import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceResourcesDir } from '../../../../electron/core/resources-dir';
import { insertRecord } from '../../../../electron/store/record-door';
import { openConsentDesk, padPng, signatureSvg, type ConsentDesk } from './consent-desk';

let desk: ConsentDesk | undefined;
const folders: string[] = [];
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

type Envelope = {
  ok: boolean;
  data?: Record<string, unknown>;
  error?: { code: string; field?: string; message: { ru: string; en: string } };
};
const call = async (d: ConsentDesk, name: string, input: unknown) => (await d.dispatch(name, input)) as Envelope;

async function signOnScreen(d: ConsentDesk, textVersion = '1'): Promise<Envelope> {
  return call(d, 'consents.accept', {
    patientId: d.patientId,
    textVersion,
    method: 'signature',
    signaturePng: await padPng(signatureSvg),
  });
}

/** A scan row as the scan service writes it, with a purpose. */
function scanOf(d: ConsentDesk, patientId: string, purpose: string): string {
  return d.store.transaction((tx) =>
    insertRecord(
      { tx, actor: d.ctx.actor, at: d.ctx.clock.now().toISOString() },
      'patients.write',
      'document_scans',
      {
        patient_id: patientId,
        sha256: 'a'.repeat(64),
        mime: 'application/pdf',
        bytes: 1000,
        pages: 1,
        dpi: 300,
        brightness: 0.6,
        sharpness: 200,
        thumbnail_sha256: 'b'.repeat(64),
        purpose,
      },
      { action: 'scans.accept', patientId },
    ),
  );
}

/** A copy of the program's consent folder to change: a second version, a damaged file. */
function resourcesCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'medcard-resources-'));
  folders.push(dir);
  mkdirSync(join(dir, 'consent'));
  for (const file of ['manifest.json', '152-fz-v1.ru.md'])
    copyFileSync(join(sourceResourcesDir, 'consent', file), join(dir, 'consent', file));
  return dir;
}

describe('the consent text (B8)', () => {
  it('serves the current version with its SHA-256, as the manifest names it', async () => {
    desk = await openConsentDesk();
    const text = await call(desk, 'consents.text', {});
    expect(text).toMatchObject({ ok: true, data: { version: '1', current: true, language: 'ru' } });
    const body = String(text.data!.body);
    expect(body).toContain('152-ФЗ');
    expect(body).toContain('ЕГИСЗ');
    expect(createHash('sha256').update(body, 'utf8').digest('hex')).toBe(text.data!.sha256);
  });

  it('refuses every text when a file no longer matches its SHA-256', async () => {
    const dir = resourcesCopy();
    const file = join(dir, 'consent', '152-fz-v1.ru.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('свободно', 'вынужденно'));
    desk = await openConsentDesk({ resourcesDir: dir });
    expect(await call(desk, 'consents.text', {})).toMatchObject({ ok: false, error: { code: 'consent.text.damaged' } });
    expect(await signOnScreen(desk)).toMatchObject({ ok: false, error: { code: 'consent.text.damaged' } });
    expect(desk.count('consents')).toBe(0);
  });
  it('says so when no version is in force yet, rather than serve a text not yet published', async () => {
    const dir = resourcesCopy();
    const manifestPath = join(dir, 'consent', 'manifest.json');
    writeFileSync(manifestPath, readFileSync(manifestPath, 'utf8').replace('"2026-01-01"', '"2027-01-01"'));
    desk = await openConsentDesk({ resourcesDir: dir });
    const refused = await call(desk, 'consents.text', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'consent.text.none_in_force' } });
    expect(refused.error!.message.ru).toContain('25.11.2026');
  });
});

describe('accepting a consent with a signature drawn on screen (B8)', () => {
  it('keeps the signature encrypted in the vault and makes the consent valid, audited and synced', async () => {
    desk = await openConsentDesk();
    expect(await call(desk, 'consents.state', { patientId: desk.patientId })).toMatchObject({
      ok: true,
      data: { valid: false, reason: 'none', history: [] },
    });

    const accepted = await signOnScreen(desk);
    expect(accepted).toMatchObject({
      ok: true,
      data: {
        patientId: desk.patientId,
        textVersion: '1',
        method: 'signature',
        withdrawnAt: null,
        acceptedAt: '2026-11-25T09:00:00.000Z',
      },
    });
    const sha = String(accepted.data!.signatureSha256);
    const png = Buffer.from(await padPng(signatureSvg), 'base64');
    expect(sha).toBe(createHash('sha256').update(png).digest('hex'));
    const files = desk.vaultFiles();
    expect(files).toHaveLength(1);
    expect(readFileSync(files[0]!).includes(png.subarray(0, 16))).toBe(false);
    expect(await call(desk, 'consents.signature', { consentId: accepted.data!.id })).toEqual({
      ok: true,
      data: { mime: 'image/png', data: png.toString('base64') },
    });

    const state = await call(desk, 'consents.state', { patientId: desk.patientId });
    expect(state).toMatchObject({
      ok: true,
      data: { valid: true, reason: 'valid', current: { id: accepted.data!.id }, currentTextVersion: '1' },
    });
    const events = desk.store.transaction((tx) =>
      tx.all<{ action: string }>("SELECT action FROM audit_events WHERE action LIKE 'consents.%' ORDER BY seq"),
    );
    expect(events.map((e) => e.action)).toEqual([
      'consents.read',
      'consents.accept',
      'consents.signature.read',
      'consents.read',
    ]);
    const outbox = desk.store.transaction((tx) =>
      tx.get<{ changed: string }>("SELECT changed FROM sync_outbox WHERE table_name = 'consents'"),
    );
    expect(JSON.parse(outbox!.changed)).toMatchObject({
      patient_id: desk.patientId,
      signature_sha256: sha,
      text_sha256: accepted.data!.textSha256,
    });
  });

  it('refuses an empty pad, a dot and a file that is not a PNG, leaving no row and no file', async () => {
    desk = await openConsentDesk();
    const attempt = async (signaturePng: string) =>
      call(desk!, 'consents.accept', {
        patientId: desk!.patientId,
        textVersion: '1',
        method: 'signature',
        signaturePng,
      });
    expect(await attempt(await padPng())).toMatchObject({
      ok: false,
      error: { code: 'consent.signature.empty', field: 'signaturePng' },
    });
    expect(await attempt(await padPng('<circle cx="300" cy="100" r="4" fill="black"/>'))).toMatchObject({
      ok: false,
      error: { code: 'consent.signature.empty' },
    });
    expect(await attempt(Buffer.from('GIF89a not a png at all').toString('base64'))).toMatchObject({
      ok: false,
      error: { code: 'consent.signature.format' },
    });
    expect(await attempt('это не base64')).toMatchObject({ ok: false, error: { field: 'signaturePng' } });
    expect(desk.count('consents')).toBe(0);
    expect(desk.vaultFiles()).toEqual([]);
  });

  it('accepts only on the text in force: an old version is refused with both versions named', async () => {
    const dir = resourcesCopy();
    const v2 = '# Согласие на обработку персональных данных\n\nРедакция 2.\n';
    writeFileSync(join(dir, 'consent', '152-fz-v2.ru.md'), v2);
    const manifest = JSON.parse(readFileSync(join(dir, 'consent', 'manifest.json'), 'utf8')) as { texts: object[] };
    manifest.texts.push({
      version: '2',
      effectiveFrom: '2026-11-01',
      language: 'ru',
      file: '152-fz-v2.ru.md',
      sha256: createHash('sha256').update(v2).digest('hex'),
    });
    writeFileSync(join(dir, 'consent', 'manifest.json'), JSON.stringify(manifest));
    desk = await openConsentDesk({ resourcesDir: dir });

    expect(await call(desk, 'consents.text', {})).toMatchObject({ ok: true, data: { version: '2', current: true } });
    expect(await call(desk, 'consents.text', { version: '1' })).toMatchObject({
      ok: true,
      data: { version: '1', current: false },
    });
    expect(await call(desk, 'consents.text', { version: '9' })).toMatchObject({
      ok: false,
      error: { code: 'consent.text.missing' },
    });
    const old = await signOnScreen(desk, '1');
    expect(old).toMatchObject({ ok: false, error: { code: 'consent.text.outdated', field: 'textVersion' } });
    expect(old.error!.message.ru).toContain('(2)');
    expect(desk.count('consents')).toBe(0);
    expect(desk.vaultFiles()).toEqual([]);
    expect(await signOnScreen(desk, '2')).toMatchObject({ ok: true, data: { textVersion: '2' } });
  });

  it('refuses a second consent on the same text while the first is valid', async () => {
    desk = await openConsentDesk();
    await signOnScreen(desk);
    expect(await signOnScreen(desk)).toMatchObject({ ok: false, error: { code: 'consent.already_valid' } });
    expect(desk.count('consents')).toBe(1);
  });

  it('is refused to a doctor, who may read the state', async () => {
    desk = await openConsentDesk();
    const doctor = { ...desk, ctx: { ...desk.ctx, actor: { ...desk.ctx.actor, role: 'doctor' as const } } };
    const { createDispatcher } = await import('../../../../electron/core/dispatcher');
    const asDoctor = createDispatcher(() => doctor.ctx, { internal: () => undefined });
    expect(
      await asDoctor('consents.accept', {
        patientId: desk.patientId,
        textVersion: '1',
        method: 'signature',
        signaturePng: await padPng(signatureSvg),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await asDoctor('consents.state', { patientId: desk.patientId })).toMatchObject({ ok: true });
  });
});

describe('accepting a consent with a scan of the signed paper (B8)', () => {
  it('attaches the consent scan to the new consent', async () => {
    desk = await openConsentDesk();
    const scanId = scanOf(desk, desk.patientId, 'consent');
    const accepted = await call(desk, 'consents.accept', {
      patientId: desk.patientId,
      textVersion: '1',
      method: 'scan',
      scanId,
    });
    expect(accepted).toMatchObject({ ok: true, data: { method: 'scan', scanId, signatureSha256: null } });
    const scan = desk.store.transaction((tx) =>
      tx.get<{ attached_to: string }>('SELECT attached_to FROM document_scans WHERE id = ?', [scanId]),
    );
    expect(scan?.attached_to).toBe(accepted.data!.id);
  });

  it('refuses a scan of another kind, another patient’s scan, and one already attached', async () => {
    desk = await openConsentDesk();
    const viaScan = (scanId: string) =>
      call(desk!, 'consents.accept', { patientId: desk!.patientId, textVersion: '1', method: 'scan', scanId });
    expect(await viaScan(scanOf(desk, desk.patientId, 'identity_document'))).toMatchObject({
      ok: false,
      error: { code: 'consent.scan.wrong_purpose', field: 'scanId' },
    });
    const other = (await desk.dispatch('patients.create', {
      surname: 'Орлова',
      name: 'Ирина',
      birthDate: '1990-01-01',
      sex: 'female',
    })) as Envelope;
    expect(await viaScan(scanOf(desk, String(other.data!.id), 'consent'))).toMatchObject({
      ok: false,
      error: { code: 'consent.scan.not_found' },
    });
    const used = scanOf(desk, desk.patientId, 'consent');
    const first = await viaScan(used);
    await call(desk, 'consents.withdraw', { consentId: first.data!.id, reason: 'Заявление пациента' });
    expect(await viaScan(used)).toMatchObject({ ok: false, error: { code: 'consent.scan.attached' } });
    expect(desk.count('consents')).toBe(1);
  });
});

describe('withdrawing a consent (152-ФЗ art. 9)', () => {
  it('records who, when and why, keeps the consent in the history, and only once', async () => {
    desk = await openConsentDesk();
    const accepted = await signOnScreen(desk);
    const consentId = accepted.data!.id;
    expect(await call(desk, 'consents.withdraw', { consentId, reason: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'input.required', field: 'reason' },
    });

    const withdrawn = await call(desk, 'consents.withdraw', { consentId, reason: 'Письменное заявление пациента' });
    expect(withdrawn).toMatchObject({
      ok: true,
      data: {
        id: consentId,
        withdrawnAt: '2026-11-25T09:00:00.000Z',
        withdrawnBy: desk.ctx.actor.staffId,
        withdrawalReason: 'Письменное заявление пациента',
      },
    });
    const state = await call(desk, 'consents.state', { patientId: desk.patientId });
    expect(state).toMatchObject({
      ok: true,
      data: { valid: false, reason: 'withdrawn', history: [{ id: consentId }] },
    });
    const again = await call(desk, 'consents.withdraw', { consentId, reason: 'ещё раз' });
    expect(again).toMatchObject({ ok: false, error: { code: 'consent.already_withdrawn' } });
    expect(again.error!.message.ru).toContain('25.11.2026');
    const history = desk.store.transaction((tx) => tx.all("SELECT 1 FROM row_history WHERE table_name = 'consents'"));
    expect(history).toHaveLength(1);

    // A new consent after the withdrawal: valid again, both in the history.
    expect(await signOnScreen(desk)).toMatchObject({ ok: true });
    expect(await call(desk, 'consents.state', { patientId: desk.patientId })).toMatchObject({
      ok: true,
      data: { valid: true, history: [{}, {}] },
    });
  });

  it('names an unknown consent', async () => {
    desk = await openConsentDesk();
    expect(
      await call(desk, 'consents.withdraw', { consentId: '0190a000-0000-7000-8000-000000000009', reason: 'x' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'consent.not_found', field: 'consentId' },
    });
  });
});

describe('merging duplicate cards (B2)', () => {
  it('moves the merged card’s consents and trusted persons to the survivor, a withdrawal included', async () => {
    desk = await openConsentDesk();
    const duplicate = (await desk.dispatch('patients.create', {
      surname: 'Семенова',
      name: 'Анна',
      patronymic: 'Петровна',
      birthDate: '1980-03-15',
      sex: 'female',
    })) as Envelope;
    const mergedId = String(duplicate.data!.id);
    const onDuplicate = { ...desk, patientId: mergedId };
    const consent = await signOnScreen(onDuplicate);
    await call(desk, 'consents.withdraw', { consentId: consent.data!.id, reason: 'Заявление' });
    const proxy = await call(desk, 'proxies.add', {
      patientId: mergedId,
      surname: 'Семенов',
      name: 'Пётр',
      birthDate: '1978-01-01',
      relationship: 'spouse',
      basis: 'guardian',
      scope: ['visits'],
      startsOn: '2026-11-25',
    });
    expect(proxy).toMatchObject({ ok: true });

    expect(
      await call(desk, 'patients.merge', { survivorId: desk.patientId, mergedId, reason: 'Одна пациентка' }),
    ).toMatchObject({ ok: true });
    expect(await call(desk, 'consents.state', { patientId: desk.patientId })).toMatchObject({
      ok: true,
      data: { reason: 'withdrawn', history: [{ id: consent.data!.id, withdrawalReason: 'Заявление' }] },
    });
    expect(await call(desk, 'proxies.list', { patientId: desk.patientId })).toMatchObject({
      ok: true,
      data: { items: [{ id: proxy.data!.id }] },
    });
    const moves = desk.store.transaction((tx) =>
      tx.all<{ table_name: string }>(
        "SELECT table_name FROM sync_outbox WHERE changed LIKE ? AND table_name IN ('consents', 'proxies')",
        [`%"patient_id":"${desk!.patientId}"%`],
      ),
    );
    expect(moves.map((m) => m.table_name).sort()).toEqual(['consents', 'proxies']);
  });
});
