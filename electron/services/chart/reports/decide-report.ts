import type { z } from 'zod';
import { contract, type CallOutput, type Contract } from '../../../../shared/api/contract';
import { isoDay } from '../../../../shared/domain/calendar-date';
import { AppError } from '../../../../shared/errors/app-error';
import { parseInput } from '../../../../shared/errors/zod-issues';
import type { ServiceContext } from '../../../core/context';
import type { Tx } from '../../../store/open-store';
import { updateRecord, type FieldValue } from '../../../store/record-door';
import { amendEntry } from '../amend-entry';
import { requireReport, toReportView, type ReportRow } from './report-row';

type AcceptInput = z.output<Contract['chart.reports.accept']['input']>;

/** Runs a decision in one transaction: the report must still be open; its row changed through the door. */
function decide(
  ctx: ServiceContext,
  id: string,
  action: string,
  judge: (tx: Tx, report: ReportRow, at: string) => Record<string, FieldValue>,
): CallOutput<'chart.reports.decline'> {
  return ctx.store.transaction((tx) => {
    const now = ctx.clock.now();
    const at = now.toISOString();
    const report = requireReport(tx, id);
    if (report.status !== 'open') throw new AppError('chart.report.decided', { field: 'id' });
    const fields = judge(tx, report, at);
    updateRecord({ tx, actor: ctx.actor, at }, 'chart.write', 'chart_reports', id, fields, {
      action,
      patientId: report.patient_id,
      details: { report: id, entry: report.entry_id },
    });
    return { report: toReportView(requireReport(tx, id), isoDay(now, ctx.timeZone)) };
  });
}

/**
 * Accept (D4): the entry is amended with the reviewer's draft and reason, the amendment linked to
 * the report, and the report closed with the entry's new revision — all or nothing. The amendment
 * is the chart's own (`amendEntry`: codes, dates and the prescription check, a stale
 * `baseRevision` refused); its transaction nests in this one (a savepoint).
 */
export function acceptReport(ctx: ServiceContext, input: AcceptInput): CallOutput<'chart.reports.accept'> {
  const parsed = parseInput(contract['chart.reports.accept'].input, input);
  return decide(ctx, parsed.id, 'chart.reports.accept', (_tx, report, at) => {
    const amended = amendEntry(ctx, {
      id: report.entry_id,
      baseRevision: parsed.baseRevision,
      draft: parsed.draft,
      reason: parsed.reason,
      overrides: parsed.overrides,
      reportId: report.id,
    });
    return {
      status: 'accepted',
      decided_at: at,
      decided_by: ctx.actor.staffId,
      amendment_revision: amended.entry.revision,
    };
  });
}

/** Decline with a reason the patient reads (at least 10 characters); the entry stays as it is. */
export function declineReport(ctx: ServiceContext, id: string, reason: string): CallOutput<'chart.reports.decline'> {
  const parsed = parseInput(contract['chart.reports.decline'].input, { id, reason });
  return decide(ctx, parsed.id, 'chart.reports.decline', (_tx, _report, at) => ({
    status: 'declined',
    decided_at: at,
    decided_by: ctx.actor.staffId,
    decline_reason: parsed.reason,
  }));
}
