import type { Knex } from 'knex';
import {
  defaultThresholds,
  thresholdFields,
  thresholdProblems,
  type HealthThresholds,
} from '../../shared/health/thresholds';
import { toRecord } from '../db/values';

/**
 * The clinic's health thresholds: its `health_thresholds` row (the synced table, one row per
 * clinic), or the defaults while it has none. A row the rule let through is sane; an unreadable
 * one falls back to the defaults rather than silencing alerts.
 */
export async function clinicThresholds(db: Knex, clinicId: string): Promise<HealthThresholds> {
  const row = await db('records')
    .where({ table_name: 'health_thresholds', clinic_id: clinicId })
    .orderBy('version', 'desc')
    .first<{ data: unknown } | undefined>('data');
  if (!row) return defaultThresholds;
  const data = toRecord(row.data);
  if (thresholdProblems(data).length > 0) return defaultThresholds;
  return Object.fromEntries(thresholdFields.map((field) => [field, data[field] as number])) as HealthThresholds;
}
