import { test as base, expect } from '@playwright/test';
import type { BrowserHost } from '../../electron/browser-host/server';
import { enrolDesk } from '../../electron/sync/enrol-desk';
import { addStaff, expectOk, signIn, type StaffMember } from '../support/staff-over-api';
import { firstAdminBeforeEnrolment } from './first-admin-at-desk';
import { person as provenPerson } from '../sync/clinic-staff';
import { openSyncDesk, startSyncServer, type SyncDesk, type SyncServer } from '../sync/sync-harness';
import type { ServiceContext } from '../../electron/core/context';
import { fixedActorContext } from '../../electron/core/fixed-actor-context';
import { ensureWorkstation } from '../../electron/core/workstation';
import { systemClock } from '../../electron/store/clock';
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

export const test = base.extend<{
  /**
   * What a spec writes on the desk before it is enrolled (dictionaries, say), as the desk's own
   * workstation; nothing by default.
   */
  deskPreparation: (ctx: ServiceContext) => void;
  server: SyncServer;
  admin: { member?: StaffMember };
  desk: BrowserHost;
  colleagues: Colleague[];
}>({
  // A function-valued fixture is given by a fixture that hands it over.
  // eslint-disable-next-line no-empty-pattern
  deskPreparation: [async ({}, use) => use(() => undefined), { option: true }],
  // eslint-disable-next-line no-empty-pattern
  admin: async ({}, use) => use({}),
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startSyncServer();
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  },
  // The clinic starts here: its first admin is made at the first run, then the desk is enrolled.
  desk: async ({ server, admin, deskPreparation }, use) =>
    usePreparedDesk(
      'medcard-e2e-sync-',
      async (store, { origin }) => {
        admin.member = await firstAdminBeforeEnrolment(store, origin);
        const workstation = ensureWorkstation(store, new Date(), deskName);
        deskPreparation(fixedActorContext({ store, clock: systemClock, actor: workstation }));
        await enrolDesk(store, { servers: [server.url], code: await server.enrolCode(), name: deskName });
      },
      use,
    ),
  // The tab's cookie, traded from Node once (fixtures.ts); closed before the host.
  context: async ({ context, desk }, use) => {
    await holdTabCookie(context, desk);
    await use(context);
  },
  colleagues: async ({ desk, admin }, use) => {
    const api = callOver(desk);
    await signIn(api, admin.member!);
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
  // Working in a proven session of their own, as after their sign-in there.
  desk.ctx.actor = provenPerson(desk, person.id, person.role, person.displayName);
  return desk;
}

export { expect };
