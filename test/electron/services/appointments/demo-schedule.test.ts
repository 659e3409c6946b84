import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentView } from '../../../../shared/api/appointments-calls';
import { patientDraftSchema } from '../../../../shared/domain/patient';
import { importScheduleDictionaries, seedAppointments } from '../../../../electron/demo/seed-appointments';
import { syntheticPatients } from '../../../../electron/demo/synthetic-patients';
import { importDictionaryFiles } from '../../../../electron/services/dictionaries/import-file';
import { createPatients } from '../../../../electron/services/patients/create-patient';
import { actingAs } from '../../../support/appointment-fixtures';
import { openTempDesk, type TempDesk } from '../../../support/temp-desk';

import { hasSharedData, sharedData as data, skipNote } from '../../../shared/domain/calendar-fixtures';

let desk: TempDesk;
let patients: string[];
beforeAll(async () => {
  if (!hasSharedData) return;
  desk = await openTempDesk();
  const said: string[] = [];
  importScheduleDictionaries(desk.ctx, data, (line) => said.push(line));
  expect(said).toEqual([
    expect.stringContaining('specialties, version 5.4'),
    expect.stringContaining('positions, version 9.6'),
    'Production calendar 2026 imported',
  ]);
  importDictionaryFiles(actingAs(desk, 'admin'), 'services', [join(data, 'nsi-json')]);
  patients = createPatients(
    desk.ctx,
    [...syntheticPatients({ seed: 3, count: 60, today: '2026-11-25' })].map((draft) => patientDraftSchema.parse(draft)),
  );
}, 120_000);
afterAll(() => (hasSharedData ? desk.cleanup() : undefined));

describe.skipIf(!hasSharedData)(
  `the demo schedule (seed-demo --charts): a populated day and week for the desk’s views${skipNote}`,
  () => {
    it('writes five specialists and a month of bookings that never collide, once', async () => {
      const totals = seedAppointments(desk.ctx, patients, { seed: 7 });
      expect(totals).toMatchObject({ specialists: 5, daysWithoutCalendar: 0 });
      expect(totals.bookings).toBeGreaterThan(150);
      // No two bookings holding time overlap for one specialist, one room or one patient.
      for (const column of ['specialist_id', 'room_id', 'patient_id'])
        expect(
          desk.count(
            `appointments a JOIN appointments b ON a.${column} = b.${column} AND a.id < b.id
             AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at`,
            "a.status NOT IN ('cancelled') AND b.status NOT IN ('cancelled')",
          ),
        ).toBe(0);
      const statuses = desk.store.read((tx) =>
        tx.all<{ status: string }>('SELECT DISTINCT status FROM appointments ORDER BY status').map((row) => row.status),
      );
      expect(statuses).toEqual(['arrived', 'booked', 'cancelled', 'no_show', 'requested']);
      // A second run keeps the schedule and writes no more.
      expect(seedAppointments(desk.ctx, patients, { seed: 7 }).bookings).toBe(0);
    });

    it('fills the week view of the desk', async () => {
      const week = await desk.dispatch('appointments.range', { from: '2026-11-23', to: '2026-11-29' });
      expect(week.ok).toBe(true);
      const { appointments, days } = (week as { data: { appointments: AppointmentView[]; days: unknown[] } }).data;
      expect(days).toHaveLength(5 * 7);
      expect(appointments.length).toBeGreaterThan(60);
      expect(appointments.every((a) => a.patientName !== '' && a.specialistName !== '' && a.serviceName !== '')).toBe(
        true,
      );
    });
  },
);
