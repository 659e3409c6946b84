import type { CallOutput } from '../../../shared/api/contract';
import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../../core/context';
import { recordRead } from '../../store/record-door';
import { entryVisible, grantDetails, openChartGate, requireEntryRead } from './access/chart-gate';
import { deskNow } from './entry-context';
import { entryDetail } from './entry-detail';

/** One entry in full, its previous versions, its encounter's entries and its reports; the read is audited. */
export function chartEntryDetail(ctx: ServiceContext, id: string): CallOutput<'chart.entry'> {
  return ctx.store.transaction((tx) => {
    const now = deskNow(ctx);
    const found = entryDetail(tx, id, now.today);
    const gate = openChartGate(tx, ctx.actor, found.entry.patientId, now.at);
    requireEntryRead(gate, id);
    // An encounter's own entries: those restricted from this reader are left out (F4).
    const detail = { ...found, children: found.children.filter((child) => entryVisible(gate, child.id)) };
    recordRead({ tx, actor: ctx.actor, at: now.at }, 'chart.read', {
      action: 'chart.entry',
      patientId: detail.entry.patientId,
      details: { entry: id, revision: detail.entry.revision, ...grantDetails(gate, id) },
    });
    return detail;
  });
}

/** The entry's revision and last change (primary-key read, not audited). */
export function watchEntry(ctx: ServiceContext, id: string): CallOutput<'chart.watch'> {
  return ctx.store.read((tx) => {
    const row = tx.get<{
      revision: number;
      updated_at: string;
      updated_by: string | null;
      name: string | null;
      deleted_at: string | null;
    }>(
      `SELECT e.revision, e.updated_at, e.updated_by, s.display_name AS name, e.deleted_at
         FROM chart_entries e LEFT JOIN staff s ON s.id = e.updated_by WHERE e.id = ?`,
      [id],
    );
    if (!row) throw new AppError('chart.entry.not_found', { field: 'id' });
    return {
      revision: row.revision,
      updatedAt: row.updated_at,
      updatedBy: row.updated_by === null ? null : (row.name ?? row.updated_by),
      deleted: row.deleted_at !== null,
    };
  });
}
