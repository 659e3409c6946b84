import type { z } from 'zod';
import type { CallOutput, Contract } from '../../../shared/api/contract';
import type { ServiceContext } from '../../core/context';
import type { ReadTx } from '../../store/open-store';
import { recordRead } from '../../store/record-door';
import { grantDetails, hiddenEntryIds, openChartGate, requireChartRead } from './access/chart-gate';
import { staffNames, toSummary, type ChartSummaryRow } from './chart-row';
import { requireChartPatient } from './entry-context';
import { historyCountSql, historyPageSql, textMatcher } from './history-query';

type Input = z.output<Contract['chart.history']['input']>;

/** The page's rows and, on the first page, how many match; `limit + 1` read to know whether more follow. */
function readPage(
  tx: ReadTx,
  input: Input,
  hidden: readonly string[],
): { rows: ChartSummaryRow[]; total: number | null } {
  const first = input.after === null;
  const matches = textMatcher(input.filter.text);
  if (matches === null) {
    const page = historyPageSql(input.patientId, input.filter, input.after, input.limit + 1, hidden);
    const rows = tx.all<ChartSummaryRow>(page.text, page.params);
    const count = historyCountSql(input.patientId, input.filter, hidden);
    return { rows, total: first ? (tx.get<{ n: number }>(count.text, count.params)?.n ?? 0) : null };
  }
  // Words of the summary: filtered on the index's rows as they stream, newest first.
  const page = historyPageSql(input.patientId, input.filter, input.after, null, hidden);
  const rows: ChartSummaryRow[] = [];
  let total = 0;
  for (const row of tx.iterate<ChartSummaryRow>(page.text, page.params)) {
    if (!matches(row)) continue;
    total += 1;
    if (rows.length <= input.limit) rows.push(row);
    else if (!first) break;
  }
  return { rows, total: first ? total : null };
}

/** A page of the patient's history, newest first, from the covering index `chart_history`; the read is audited. */
export function chartHistory(ctx: ServiceContext, input: Input): CallOutput<'chart.history'> {
  return ctx.store.transaction((tx) => {
    const at = ctx.clock.now().toISOString();
    requireChartPatient(tx, input.patientId);
    const gate = openChartGate(tx, ctx.actor, input.patientId, at);
    requireChartRead(gate);
    const { rows, total } = readPage(tx, input, hiddenEntryIds(gate));
    const shown = rows.slice(0, input.limit);
    const last = shown.at(-1);
    const names = staffNames(
      tx,
      shown.map((row) => row.doctor_id),
    );
    recordRead({ tx, actor: ctx.actor, at }, 'chart.read', {
      action: 'chart.history',
      patientId: input.patientId,
      details: { first: input.after === null, rows: shown.length, ...grantDetails(gate) },
    });
    return {
      items: shown.map((row) => toSummary(row, names)),
      next: rows.length > input.limit && last ? { occurredAt: last.occurred_at, id: last.id } : null,
      total,
    };
  });
}
