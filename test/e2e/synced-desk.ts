import { test as base, expect } from '@playwright/test';
import type { BrowserHost } from '../../electron/browser-host/server';
import { enrolDesk } from '../../electron/sync/enrol-desk';
import { addStaff, expectOk, setUpFirstAdmin, signIn, type StaffMember } from '../support/staff-over-api';
import { openSyncDesk, startSyncServer, type SyncDesk, type SyncServer } from '../sync/sync-harness';
import { deskName } from './fixtures';
import { usePreparedDesk } from './prepared-desk';
import { callOver } from './staff';
import { holdTabCookie } from './tab-cookie';

/**
 * A desk enrolled with a real central server (PGlite, in this process) and served by the real
 * browser host, whose sync worker thread talks to that server like at a clinic. This desk is
 * where the clinic starts: its first admin, a clerk who is signed in when the page opens, and
 * `colleagues` (clerks who work at the other desks a test opens) are made here through the
 * contract and reach the server through this desk's sync.
 */
export interface Colleague extends StaffMember {
  displayName: string;
}

async function colleague(
  api: ReturnType<typeof callOver>,
  origin: string,
  login: string,
  displayName: string,
): Promise<Colleague> {
  return { ...(await addStaff(api, origin, 'clerk', login, displayName)), displayName };
}

export const test = base.extend<{ server: SyncServer; desk: BrowserHost; colleagues: Colleague[] }>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startSyncServer();
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  },
  desk: async ({ server }, use) =>
    usePreparedDesk(
      'medcard-e2e-sync-',
      async (store) => {
        await enrolDesk(store, { servers: [server.url], code: await server.enrolCode(), name: deskName });
      },
      use,
    ),
  // The tab's cookie, traded from Node once (fixtures.ts); closed before the host.
  context: async ({ context, desk }, use) => {
    await holdTabCookie(context, desk);
    await use(context);
  },
  colleagues: async ({ desk }, use) => {
    const api = callOver(desk);
    await setUpFirstAdmin(api, desk.origin);
    const colleagues = [
      await colleague(api, desk.origin, 'clerk.two', 'Вторая Регистраторша'),
      await colleague(api, desk.origin, 'clerk.three', 'Третий Регистратор'),
    ];
    await use(colleagues);
  },
  page: async ({ desk, colleagues: _madeFirst, page }, use) => {
    const api = callOver(desk);
    const clerk = await addStaff(api, desk.origin, 'clerk', 'clerk.one', 'Сотрудникова Софья');
    await expectOk(api, 'auth.signOut', {});
    await signIn(api, clerk);
    await page.goto(desk.url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await use(page);
  },
});

/**
 * Another desk of the clinic, where `person` works: it waits until this desk's sync brought the
 * person's account to the server, takes the clinic's staff in its first sync, and acts as them.
 */
export async function openColleagueDesk(server: SyncServer, name: string, person: Colleague): Promise<SyncDesk> {
  await expect
    .poll(async () => Boolean(await server.db('records').where({ table_name: 'staff', id: person.id }).first()), {
      timeout: 15_000,
    })
    .toBe(true);
  const desk = await openSyncDesk(server, name, [server.url], { clerk: false });
  await desk.sync();
  desk.ctx.actor = {
    ...desk.ctx.actor,
    staffId: person.id,
    kind: 'person',
    displayName: person.displayName,
    role: person.role,
  };
  return desk;
}

export { expect };
