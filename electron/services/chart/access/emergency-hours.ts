import { z } from 'zod';
import { emergencyAccessHours, emergencyAccessHoursRange } from '../../../../shared/rights/restrictions';
import type { ActorContext } from '../../../core/context';
import { appendAudit } from '../../../store/audit-log';
import type { ReadTx } from '../../../store/open-store';
import { readSetting, writeSetting } from '../../../store/settings';

/** The desk's setting: how many hours a break-the-glass grant lasts. */
export const emergencyHoursKey = 'chart.emergencyAccessHours';

const hoursSchema = z.number().int().min(emergencyAccessHoursRange.min).max(emergencyAccessHoursRange.max);

/** The setting as stored, or the default (24 h) when missing or malformed. */
export function emergencyHours(tx: ReadTx): number {
  const parsed = hoursSchema.safeParse(readSetting<unknown>(tx, emergencyHoursKey));
  return parsed.success ? parsed.data : emergencyAccessHours;
}

/** The clinic's length of a grant set at this desk (settings.manage), audited. */
export function setEmergencyHours(ctx: ActorContext, hours: number): { emergencyHours: number } {
  const valid = hoursSchema.parse(hours);
  const at = ctx.clock.now().toISOString();
  return ctx.store.transaction((tx) => {
    writeSetting(tx, emergencyHoursKey, valid);
    appendAudit(tx, ctx.actor, at, {
      action: 'chartAccess.setEmergencyHours',
      details: { key: emergencyHoursKey, value: valid },
    });
    return { emergencyHours: valid };
  });
}
