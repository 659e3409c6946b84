import type { Knex } from 'knex';
import { healthReportSchema, type DeskHealth } from '../../shared/health/report';
import { toRecord } from '../db/values';

const iso = (value: unknown): string => (value instanceof Date ? value : new Date(String(value))).toISOString();

/**
 * The latest health report of every desk that is not revoked — of one clinic, or of all for the
 * alert pass — by the desks' names. A report that no longer parses (an older desk's) is skipped.
 */
export async function latestDeskReports(db: Knex, clinicId?: string): Promise<(DeskHealth & { clinicId: string })[]> {
  const query = db('device_health')
    .join('devices', 'devices.id', 'device_health.device_id')
    .whereNull('devices.revoked_at')
    .orderBy('devices.name');
  if (clinicId !== undefined) query.where('device_health.clinic_id', clinicId);
  const rows = await query.select<
    { device_id: string; clinic_id: string; name: string; received_at: unknown; report: unknown }[]
  >(
    'device_health.device_id',
    'device_health.clinic_id',
    'devices.name',
    'device_health.received_at',
    'device_health.report',
  );
  return rows.flatMap((row) => {
    const report = healthReportSchema.safeParse(toRecord(row.report));
    if (!report.success) return [];
    return [
      {
        deviceId: row.device_id,
        clinicId: row.clinic_id,
        deviceName: row.name,
        receivedAt: iso(row.received_at),
        report: report.data,
      },
    ];
  });
}
