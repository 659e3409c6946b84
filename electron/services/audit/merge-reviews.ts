import type { MergeReviewView } from '../../../shared/api/audit-calls';
import type { ActorContext } from '../../core/context';
import { appendAudit } from '../../store/audit-log';
import type { Tx } from '../../store/open-store';

interface MergeEventRow {
  seq: number;
  at: string;
  actorName: string;
  actorRole: string;
  deviceName: string;
  details: string;
}

interface CardRow {
  id: string;
  surname: string;
  name: string;
  patronymic: string | null;
  birth_date: string;
  snils: string | null;
  merged_into: string | null;
}

interface MergeDetails {
  survivorId?: unknown;
  mergedId?: unknown;
  reason?: unknown;
  identifiers?: unknown;
  scans?: unknown;
}

const isIdentifier = (value: unknown): value is 'snils' | 'enp' | 'inn' =>
  value === 'snils' || value === 'enp' || value === 'inn';

function card(tx: Tx, id: unknown): MergeReviewView['survivor'] {
  if (typeof id !== 'string') return null;
  const row = tx.get<CardRow>(
    'SELECT id, surname, name, patronymic, birth_date, snils, merged_into FROM patients WHERE id = ?',
    [id],
  );
  return row
    ? {
        id: row.id,
        surname: row.surname,
        name: row.name,
        patronymic: row.patronymic,
        birthDate: row.birth_date,
        snils: row.snils,
        mergedInto: row.merged_into,
      }
    : null;
}

/**
 * The merges of duplicate cards (B2), newest first, each with both cards as this desk holds them
 * now, so the auditor can judge whether they were one person. Reading it is audited, like the log.
 */
export function mergeReviews(
  ctx: ActorContext,
  input: { before?: number | undefined; limit: number },
): { items: MergeReviewView[]; more: boolean } {
  return ctx.store.transaction((tx) => {
    const rows = tx.all<MergeEventRow>(
      `SELECT e.seq, e.at, COALESCE(s.display_name, e.actor_id) AS actorName, e.actor_role AS actorRole,
              COALESCE(d.name, e.device_id) AS deviceName, e.details
         FROM audit_events e
         LEFT JOIN staff s ON s.id = e.actor_id
         LEFT JOIN devices d ON d.id = e.device_id
        WHERE e.seq < ? AND e.action = 'patients.merged'
        ORDER BY e.seq DESC
        LIMIT ?`,
      [input.before ?? Number.MAX_SAFE_INTEGER, input.limit + 1],
    );
    const items = rows.slice(0, input.limit).map((row) => {
      const details = JSON.parse(row.details) as MergeDetails;
      return {
        seq: row.seq,
        at: row.at,
        actorName: row.actorName,
        actorRole: row.actorRole,
        deviceName: row.deviceName,
        reason: typeof details.reason === 'string' ? details.reason : '',
        identifiers: Array.isArray(details.identifiers) ? details.identifiers.filter(isIdentifier) : [],
        scans: typeof details.scans === 'number' ? details.scans : 0,
        survivor: card(tx, details.survivorId),
        merged: card(tx, details.mergedId),
      };
    });
    appendAudit(tx, ctx.actor, ctx.clock.now().toISOString(), {
      action: 'audit.read',
      details: {
        view: 'merges',
        before: input.before ?? null,
        shown: items.flatMap((item) => [item.survivor?.id, item.merged?.id].filter(Boolean)),
      },
    });
    return { items, more: rows.length > input.limit };
  });
}
