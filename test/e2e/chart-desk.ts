import { expect, type Page } from '@playwright/test';
import type { BrowserHost } from '../../electron/browser-host/server';
import { fixedActorContext } from '../../electron/core/fixed-actor-context';
import { ensureWorkstation } from '../../electron/core/workstation';
import { chartCatalogue } from '../../electron/demo/chart-catalogue';
import { ensureDemoDoctors, seedCharts } from '../../electron/demo/seed-charts';
import { createPatient } from '../../electron/services/patients/create-patient';
import { systemClock } from '../../electron/store/clock';
import type { Store } from '../../electron/store/open-store';
import { patientDraftSchema } from '../../shared/domain/patient';
import { drafts, importChartDictionaries, testMedicines } from '../support/chart-fixtures';
import { recordEntry } from '../../electron/services/chart/record-entry';
import { chartCalls } from '../../shared/api/chart-calls';
import { draft, validSnils } from '../support/fixtures';
import { addStaff, expectOk, signIn, type StaffMember } from '../support/staff-over-api';
import { test as deskTest } from './fixtures';
import { firstAdminBeforeEnrolment } from './first-admin-at-desk';
import { usePreparedDesk } from './prepared-desk';
import { searchBox } from './patients';
import { callOver } from './staff';

/** The patient whose long history the doctor reads: years of visits written by three demo doctors. */
export const chartPatient = {
  surname: 'Долгова',
  name: 'Вера',
  patronymic: 'Павловна',
  birthDate: '1958-04-17',
} as const;

interface Prepared {
  admin?: StaffMember;
  patientId?: string;
  entries?: number;
}

/** The dictionaries, the patient and the history, written on the store before the host opens it. */
async function prepareChart(store: Store, origin: string, prepared: Prepared): Promise<void> {
  const admin = await firstAdminBeforeEnrolment(store, origin);
  const desk = ensureWorkstation(store, systemClock.now());
  const as = (role: 'admin' | 'clerk') =>
    fixedActorContext({ store, clock: systemClock, actor: { ...desk, staffId: admin.id, kind: 'person', role } });
  importChartDictionaries(as('admin'));
  const card = draft({ ...chartPatient, sex: 'female', snils: validSnils('318276451'), phone: '+79035550101' });
  const patientId = createPatient(as('clerk'), patientDraftSchema.parse(card)).id;
  const doctors = await ensureDemoDoctors(as('admin'));
  const totals = seedCharts(
    as('admin'),
    doctors,
    [{ id: patientId, birthDate: chartPatient.birthDate, sex: 'female' }],
    chartCatalogue(as('admin')),
    {
      seed: 12,
      today: systemClock.now().toISOString().slice(0, 10),
      doctors: doctors.length,
      maxEncounters: 600,
      years: 15,
    },
  );
  // A confirmed allergy to a penicillin: prescribing another of its АТХ class warns.
  const doctor = fixedActorContext({ store, clock: systemClock, actor: doctors[0]! });
  recordEntry(
    doctor,
    chartCalls['chart.record'].input.parse({
      patientId,
      draft: drafts.allergy({
        substance: 'Амоксициллин',
        medicineCode: testMedicines.amoxicillin,
        atcClass: 'J01CA',
        reaction: 'крапивница, отёк губ',
        notedOn: '2015-06-02',
      }),
    }),
  );
  Object.assign(prepared, { admin, patientId, entries: totals.entries + 1 });
}

/**
 * A desk where a doctor works: the chart's dictionaries imported (the tests' own small НСИ files,
 * test/support/chart-fixtures.ts), one patient with a long history written through the chart's
 * services by the demo doctors (`seedCharts`), and the doctor `doctor.one` signed in.
 */
export const test = deskTest.extend<{ prepared: Prepared; doctor: StaffMember }>({
  // eslint-disable-next-line no-empty-pattern
  prepared: async ({}, use) => use({}),
  desk: async ({ prepared }, use) =>
    usePreparedDesk('medcard-e2e-chart-', (store, { origin }) => prepareChart(store, origin, prepared), use),
  staff: async ({ desk, prepared }, use) => {
    const api = callOver(desk);
    await signIn(api, prepared.admin!);
    const person = await addStaff(api, desk.origin, 'doctor', 'doctor.one', 'Лечащая Людмила Петровна');
    await expectOk(api, 'auth.signOut', {});
    await signIn(api, person);
    // The patient came to her this morning: her first note puts her in the treating team (F4).
    await expectOk(api, 'chart.record', {
      patientId: prepared.patientId!,
      draft: {
        kind: 'encounter' as const,
        body: {
          at: new Date().toISOString(),
          visitType: 'first' as const,
          department: 'Терапевтическое отделение',
          conclusion: 'Первичный осмотр',
        },
      },
    });
    prepared.entries = (prepared.entries ?? 0) + 1;
    await use({ admin: prepared.admin!, person });
  },
  doctor: async ({ staff }, use) => use(staff.person),
});

export type { BrowserHost };

/** The patient found by name at the search, opened, on the «Медкарта» tab. */
export async function openChart(page: Page): Promise<void> {
  const fullName = `${chartPatient.surname} ${chartPatient.name} ${chartPatient.patronymic}`;
  await searchBox(page).fill(`${chartPatient.surname} ${chartPatient.name}`);
  await expect(page.getByRole('option', { name: new RegExp(fullName) })).toBeVisible();
  await searchBox(page).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(fullName) })).toBeVisible();
  await page.getByRole('tab', { name: 'Медкарта' }).click();
}
