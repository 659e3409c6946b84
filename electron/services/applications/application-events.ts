import { z } from 'zod';
import type { ApplicationEvent } from '../../../shared/api/application-calls';
import { canonicalJson } from '../../../shared/canonical-json';
import {
  applicationChecks as checkNames,
  type ApplicationCheck,
  type ApplicationEventKind,
  type EventActorKind,
} from '../../../shared/domain/application';
import type { ReadTx } from '../../store/open-store';
import { insertSyncedRow, type DoorContext } from '../../store/record-door';

/**
 * One entry of the application's journal (C6), written by the signed-in clerk. The journal is
 * written together with the application's change, whose door write carries the audit event: one
 * audit event per action, not one per row.
 */
export function appendApplicationEvent(
  door: DoorContext,
  applicationId: string,
  kind: ApplicationEventKind,
  detail: Record<string, string | number | boolean | null> = {},
): void {
  insertSyncedRow(door, 'application_events', {
    application_id: applicationId,
    kind,
    at: door.at,
    actor_kind: 'staff',
    actor_id: door.actor.staffId,
    detail: canonicalJson(detail),
  });
}

interface EventRow {
  id: string;
  kind: ApplicationEventKind;
  at: string;
  actor_kind: EventActorKind;
  actor_id: string | null;
  actor_name: string | null;
  detail: string | null;
}

const detailSchema = z.record(z.string(), z.unknown());

/** An event's `detail` JSON as an object; `{}` for none or for what is not one. */
export function parseDetail(text: string | null): Record<string, unknown> {
  if (text === null) return {};
  try {
    const parsed = detailSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The journal, oldest first, with the names of the staff who acted. */
export function applicationJournal(tx: ReadTx, applicationId: string): ApplicationEvent[] {
  return tx
    .all<EventRow>(
      `SELECT e.id, e.kind, e.at, e.actor_kind, e.actor_id, e.detail,
              CASE WHEN e.actor_kind = 'staff' THEN s.display_name END AS actor_name
         FROM application_events e LEFT JOIN staff s ON s.id = e.actor_id
        WHERE e.application_id = ? ORDER BY e.at, e.created_at, e.id`,
      [applicationId],
    )
    .map((row) => ({
      id: row.id,
      kind: row.kind,
      at: row.at,
      actorKind: row.actor_kind,
      actorName: row.actor_kind === 'staff' ? (row.actor_name ?? row.actor_id) : null,
      detail: parseDetail(row.detail),
    }));
}

/** The checks the clerk marked done since the review (re)started: `check_finished` after the last `review_started`. */
export function finishedChecks(journal: readonly ApplicationEvent[]): Set<ApplicationCheck> {
  const finished = new Set<ApplicationCheck>();
  for (const event of journal) {
    if (event.kind === 'review_started' || event.kind === 'supplied') finished.clear();
    const check = event.detail.check;
    if (
      event.kind === 'check_finished' &&
      typeof check === 'string' &&
      (checkNames as readonly string[]).includes(check)
    )
      finished.add(check as ApplicationCheck);
  }
  return finished;
}
