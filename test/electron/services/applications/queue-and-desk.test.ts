import { afterEach, describe, expect, it } from 'vitest';
import { calendar2026 } from '../../../support/document-dictionaries';
import { applicationDueAt } from '../../../../shared/domain/application-deadline';
import { defaultDeadlineSettings, deskApplicationSource } from '../../../../shared/domain/application';
import { validSnils } from '../../../support/fixtures';
import { enrolPatient } from '../../../support/temp-desk';
import { call, meetChecks, openApplicationDesk, portalApplication, type ApplicationDesk } from './application-desk';

let desk: ApplicationDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

type Item = {
  id: string;
  number: string;
  status: string;
  overdue: boolean;
  urgent: boolean;
  patient: { surname: string } | null;
};
type Page = {
  items: Item[];
  next: { dueAt: string; id: string } | null;
  counts: { byStatus: Record<string, number>; overdue: number } | null;
};
const queue = async (d: ApplicationDesk, input: unknown) =>
  (await call(d, 'applications.queue', input)).data as unknown as Page;

/** Five applications around the desk's now (25.11.2026 09:00Z): two past due, three not. */
function fill(d: ApplicationDesk): void {
  portalApplication(d, { number: 'З-26-П-000005', due_at: '2026-11-27T09:00:00.000Z' });
  portalApplication(d, { number: 'З-26-П-000002', due_at: '2026-11-24T12:00:00.000Z', status: 'in_review' });
  portalApplication(d, { number: 'З-26-П-000003', due_at: '2026-11-25T13:00:00.000Z', urgent: 1 });
  portalApplication(d, { number: 'З-26-П-000001', due_at: '2026-11-23T09:00:00.000Z' });
  portalApplication(d, { number: 'З-26-П-000004', due_at: '2026-11-20T09:00:00.000Z', status: 'activated' });
}

describe('the applications queue (C2, C6)', () => {
  it('shows the open ones, nearest deadline first — the overdue lead — with counters by status', async () => {
    desk = await openApplicationDesk();
    fill(desk);
    const page = await queue(desk, {});
    expect(page.items.map((item) => [item.number, item.overdue])).toEqual([
      ['З-26-П-000001', true],
      ['З-26-П-000002', true],
      ['З-26-П-000003', false],
      ['З-26-П-000005', false],
    ]);
    expect(page.items[0]!.patient).toMatchObject({ surname: 'Семёнова' });
    expect(page.counts).toEqual({
      byStatus: { submitted: 3, in_review: 1, approved: 0, denied: 0, activated: 1 },
      overdue: 2,
    });
    expect(page.next).toBeNull();
    expect(await call(desk, 'applications.count', {})).toMatchObject({ data: { waiting: 4, overdue: 2 } });
  });

  it('filters: overdue only, urgent only, a status, a part of the number, the start of the surname', async () => {
    desk = await openApplicationDesk();
    fill(desk);
    const numbers = async (filter: unknown) => (await queue(desk!, { filter })).items.map((item) => item.number);
    expect(await numbers({ overdueOnly: true })).toEqual(['З-26-П-000001', 'З-26-П-000002']);
    expect(await numbers({ urgentOnly: true })).toEqual(['З-26-П-000003']);
    expect(await numbers({ statuses: ['activated'] })).toEqual(['З-26-П-000004']);
    expect(await numbers({ statuses: ['in_review'] })).toEqual(['З-26-П-000002']);
    expect(await numbers({ search: '000005' })).toEqual(['З-26-П-000005']);
    expect(await numbers({ search: 'сЕмЁн', statuses: ['activated'] })).toEqual(['З-26-П-000004']);
    expect(await numbers({ search: 'Иванов' })).toEqual([]);
    expect(await numbers({ channel: 'desk' })).toEqual([]);
  });

  it('pages by the keyset: every open application once, in order, across pages', async () => {
    desk = await openApplicationDesk();
    fill(desk);
    const seen: string[] = [];
    let after: Page['next'] = null;
    do {
      const page: Page = await queue(desk, { limit: 3, after });
      expect(page.items.length).toBeLessThanOrEqual(3);
      // The counters head the first page only.
      expect(page.counts === null).toBe(after !== null);
      seen.push(...page.items.map((item) => item.number));
      after = page.next;
    } while (after);
    expect(seen).toEqual(['З-26-П-000001', 'З-26-П-000002', 'З-26-П-000003', 'З-26-П-000005']);
  });
});

describe('an application taken at the desk for a patient in person (C1)', () => {
  it('numbers it with the desk’s source and its own counter, due by the production calendar', async () => {
    desk = await openApplicationDesk();
    meetChecks(desk, { identity: false, policy: false });
    const taken = await call(desk, 'applications.takeAtDesk', { patientId: desk.patientId, urgent: true });
    expect(taken.ok).toBe(true);
    const source = deskApplicationSource(desk.ctx.actor.deviceId);
    expect(source).toMatch(/^[0-9A-F]{4}$/);
    // Wednesday 12:00 Moscow + 4 working hours.
    expect(taken.data).toMatchObject({ number: `З-26-${source}-000001`, dueAt: '2026-11-25T13:00:00.000Z' });
    expect(taken.data!.dueAt).toBe(applicationDueAt(desk.now, true, defaultDeadlineSettings, calendar2026()));

    const detail = (await call(desk, 'applications.get', { id: taken.data!.id })).data as unknown as {
      application: Record<string, unknown>;
      events: { kind: string; detail: Record<string, unknown> }[];
    };
    expect(detail.application).toMatchObject({
      channel: 'desk',
      status: 'submitted',
      urgent: true,
      contactEmail: 'anna@example.org',
    });
    expect(detail.events).toMatchObject([{ kind: 'received', detail: { channel: 'desk', urgent: true } }]);

    // One open application per patient; the next patient gets the next number.
    const again = await call(desk, 'applications.takeAtDesk', { patientId: desk.patientId });
    expect(again.error?.code).toBe('application.already_open');
    const second = await enrolPatient(desk, {
      surname: 'Петров',
      name: 'Пётр',
      sex: 'male',
      birthDate: '1971-02-03',
      snils: validSnils('223344556'),
    });
    meetChecks({ ...desk, patientId: second }, { identity: false, policy: false });
    const next = await call(desk, 'applications.takeAtDesk', { patientId: second });
    // Ordinary: 24 working hours — Thursday 12:00 Moscow.
    expect(next.data).toMatchObject({ number: `З-26-${source}-000002`, dueAt: '2026-11-26T09:00:00.000Z' });
  });

  it('refuses without a consent in force, and writes nothing', async () => {
    desk = await openApplicationDesk();
    const refused = await call(desk, 'applications.takeAtDesk', { patientId: desk.patientId });
    expect(refused.error).toMatchObject({ code: 'application.desk.consent_required', field: 'patientId' });
    expect(desk.count('applications')).toBe(0);
    expect(desk.count('application_events')).toBe(0);
  });
});
