import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { insertRecord } from '../../electron/store/record-door';
import { draft, validSnils } from '../support/fixtures';
import { accessOf, reportAttempt } from '../support/portal-client';
import { createPatientAt, type SyncDesk } from '../sync/sync-harness';
import { seriousViolations } from './axe';
import { expect, openColleagueDesk, test } from './synced-desk';
import { verifyInPerson } from './verify-in-person';

const shots = '/tmp/shots/h4';

// A desk, a colleague's desk and a server in one process: setting them up takes a while on a busy machine.
test.describe.configure({ timeout: 240_000 });

async function look(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
  // And on a full-HD screen (UX.md: both sizes).
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: join(shots, `${name}-1920.png`) });
  await page.setViewportSize({ width: 1366, height: 768 });
}

/** A consent to processing recorded at another desk (B8), so that only the identity stands in the way. */
function consentAt(desk: SyncDesk, patientId: string): void {
  // Stamped by the desk's clock, inside the session its person signs with.
  const at = desk.ctx.clock.now().toISOString();
  desk.store.transaction((tx) =>
    insertRecord(
      { tx, actor: desk.ctx.actor, at },
      'patients.write',
      'consents',
      {
        patient_id: patientId,
        text_version: '1',
        text_sha256: '0'.repeat(64),
        method: 'scan',
        accepted_at: at,
        accepted_by: desk.ctx.actor.staffId,
        withdrawn_at: null,
      },
      { action: 'consents.accept', patientId },
    ),
  );
}

test('failed-online patient arrives → clerk verifies originals → unlocked (B6)', async ({
  page,
  server,
  colleagues,
}) => {
  const other = await openColleagueDesk(server, 'Регистратура, окно 2', colleagues[0]!);
  try {
    const patientId = await createPatientAt(
      other,
      draft({ surname: 'Недоверова', name: 'Вера', patronymic: 'Ильинична', snils: validSnils('813245789') }),
    );
    consentAt(other, patientId);
    await other.sync();

    // The patient fails to confirm their identity on the portal three times; the fourth try is refused.
    for (let attempt = 0; attempt < 3; attempt += 1)
      expect((await reportAttempt(server.url, patientId, 'failed')).status).toBe(200);
    expect((await reportAttempt(server.url, patientId, 'passed')).status).toBe(423);
    expect((await accessOf(server.url, patientId)).body).toMatchObject({
      allowed: false,
      identity: { status: 'locked' },
      consent: { valid: true },
    });

    // The lock reaches this desk; the clerk checks the originals.
    await verifyInPerson(page, 'Недоверова Вера Ильинична', (name) => look(page, name));

    // The desk's sync brings the verification to the server: online access opens.
    await expect
      .poll(async () => (await accessOf(server.url, patientId)).body, { timeout: 30_000 })
      .toMatchObject({
        allowed: true,
        identity: { status: 'verified_in_person', failedAttempts: 0 },
        consent: { valid: true },
      });
    const verified = await server
      .db('records')
      .where({ table_name: 'online_identity' })
      .whereRaw("data->>'patient_id' = ?", [patientId])
      .first();
    const data = (typeof verified.data === 'string' ? JSON.parse(verified.data) : verified.data) as {
      scan_ids: string;
      verified_by: string;
    };
    expect(JSON.parse(data.scan_ids)).toHaveLength(1);

    // The card's "Online access" tab says who verified it and how.
    const search = page.getByRole('combobox', { name: 'Поиск пациента' });
    await search.fill('Недоверова');
    await page.getByRole('option', { name: /Недоверова/ }).click();
    await page.getByRole('tab', { name: 'Онлайн-доступ' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Онлайн-доступ' });
    await expect(panel).toContainText('Личность подтверждена в регистратуре');
    await expect(panel).toContainText('Сотрудникова Софья');
    await expect(panel).toContainText('Паспорт РФ 4508 123456');
    await expect(panel.getByRole('list', { name: 'Сканы' }).getByRole('listitem')).toHaveCount(1, { timeout: 20_000 });
    await look(page, 'verification-card-tab');
  } finally {
    await other.cleanup();
  }
});
