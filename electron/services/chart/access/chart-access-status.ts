import type { CallOutput } from '../../../../shared/api/contract';
import type { ServiceContext } from '../../../core/context';
import { recordRead } from '../../../store/record-door';
import { requireChartPatient } from '../entry-context';
import { openChartGate } from './chart-gate';
import { emergencyHours } from './emergency-hours';
import { liveGrants } from './emergency-grants';
import { activeRestrictions } from './restriction-rows';

/**
 * Where the person stands with the patient's chart: team or not, their live grants (the banner of
 * every view of the patient), and the restrictions — to the team only: an outsider learns nothing
 * of them. Showing restrictions (their basis documents) is audited as a read of the chart.
 */
export function chartAccessStatus(
  ctx: Pick<ServiceContext, 'store' | 'clock' | 'actor'>,
  patientId: string,
): CallOutput<'chartAccess.status'> {
  return ctx.store.transaction((tx) => {
    const at = ctx.clock.now().toISOString();
    requireChartPatient(tx, patientId);
    const gate = openChartGate(tx, ctx.actor, patientId, at);
    const restrictions = gate.inTeam ? activeRestrictions(tx, patientId) : [];
    if (restrictions.length > 0) {
      recordRead({ tx, actor: ctx.actor, at }, 'chart.read', {
        action: 'chartAccess.status',
        patientId,
        details: { restrictions: restrictions.length },
      });
    }
    return {
      inTeam: gate.inTeam,
      empty: gate.empty,
      grants: liveGrants(tx, ctx.actor.staffId, patientId, at).map((grant) => ({ ...grant, patientId })),
      restrictions,
      emergencyHours: emergencyHours(tx),
    };
  });
}
