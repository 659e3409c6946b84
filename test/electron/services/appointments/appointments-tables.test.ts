import { afterEach, describe, expect, it } from 'vitest';
import { syncedFields } from '../../../../shared/sync/protocol';
import { openTempDesk, type TempDesk } from '../../../support/temp-desk';

const tables = [
  'specialists',
  'rooms',
  'service_types',
  'work_patterns',
  'schedule_exceptions',
  'appointments',
  'appointment_attachments',
] as const;

let desk: TempDesk | undefined;
afterEach(async () => {
  await desk?.cleanup();
  desk = undefined;
});

describe('migration 0025: the schedule and the bookings at the desk', () => {
  it('makes each synced table with every synced column', async () => {
    desk = await openTempDesk();
    for (const table of tables) {
      const columns = desk.store
        .read((tx) => tx.all<{ name: string }>(`PRAGMA table_info(${table})`))
        .map((c) => c.name);
      expect(columns).toEqual(expect.arrayContaining(['id', 'version', ...syncedFields[table]]));
    }
  });

  it('answers the day view of one specialist from its index', async () => {
    desk = await openTempDesk();
    const plan = desk.store.read((tx) =>
      tx.all<{ detail: string }>(
        `EXPLAIN QUERY PLAN SELECT id FROM appointments WHERE specialist_id = ? AND starts_at >= ? AND starts_at < ?`,
        ['s-1', '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z'],
      ),
    );
    expect(plan.map((step) => step.detail).join(' ')).toContain('appointments_specialist');
  });
});
